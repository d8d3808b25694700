/**
 * The engine behind {@link dev.idea.api.Idea}: provider selection by id, start-up requirements,
 * and the {@link dev.idea.api.engine.IdeaEngine} service that wires storage, KMS, kernel, audit
 * chain and release pipeline together.
 *
 * <p>Nothing in {@code idea-core} is exported; applications use the API module only.
 */
package dev.idea.core;
