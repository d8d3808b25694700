/**
 * Runnable examples of a host application embedding IDEA; each one is compiled and run in CI by a
 * test, and the README's embedding snippet is copied from {@link dev.idea.samples.EmbeddingExample}.
 */
package dev.idea.samples;
