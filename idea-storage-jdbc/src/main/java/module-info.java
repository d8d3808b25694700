/**
 * The PostgreSQL storage provider (id {@code jdbc}): blobs, compare-and-set records and append-only
 * logs in a database schema, reached through a caller's {@link javax.sql.DataSource} or a HikariCP pool
 * of its own.
 */
module dev.idea.storage.jdbc {
    requires transitive dev.idea.spi.storage;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires org.slf4j;

    exports dev.idea.storage.jdbc;

    provides dev.idea.spi.storage.StorageProvider with dev.idea.storage.jdbc.JdbcStorageProvider;
}
