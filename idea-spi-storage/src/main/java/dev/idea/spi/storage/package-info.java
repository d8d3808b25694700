/**
 * The storage service provider interface: a {@link dev.idea.spi.storage.StorageProvider} opens a
 * {@link dev.idea.spi.storage.Storage} with a content-addressed blob store, a compare-and-set record
 * store and append-only logs.
 *
 * <p>Every write that returns normally is durable; a write that throws has changed nothing.
 * Plugin authors extend {@code StorageProviderContractTest} from {@code idea-testkit}.
 */
package dev.idea.spi.storage;
