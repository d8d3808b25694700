/**
 * The public types of IDEA: the {@link dev.idea.api.Idea} entry point, the records it exchanges
 * (manifests, envelopes, audit events, reports), and the {@link dev.idea.api.IdeaException}
 * hierarchy with its {@link dev.idea.api.ErrorCode}s.
 *
 * <p>This package depends on the JDK only. Unless a method says otherwise, arguments and return
 * values are never null.
 */
package dev.idea.api;
