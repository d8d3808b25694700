/**
 * Storage for tests: {@link dev.idea.testkit.storage.InMemoryStorageProvider}, a strict in-memory
 * provider that enforces the same rules and limits as the filesystem provider and can inject write
 * failures.
 */
package dev.idea.testkit.storage;
