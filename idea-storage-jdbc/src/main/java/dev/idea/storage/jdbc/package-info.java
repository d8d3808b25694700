/**
 * The PostgreSQL storage provider: {@link dev.idea.storage.jdbc.JdbcStorageProvider} opens a storage
 * whose blobs, records and append-only logs live in one database schema, created and upgraded by the
 * SQL migrations shipped in this module.
 *
 * <p>Everything but the provider is package-private. See {@code docs/storage-jdbc.md} for the schema,
 * the migration mechanism, the pool settings and the concurrency design.
 */
package dev.idea.storage.jdbc;
