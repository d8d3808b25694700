/**
 * The seam between the API and its implementation: {@link dev.idea.api.engine.IdeaEngine} is
 * implemented by {@code idea-core} and found through {@link java.util.ServiceLoader}.
 *
 * <p>Applications do not use this package; they call {@link dev.idea.api.Idea#builder()}.
 */
package dev.idea.api.engine;
