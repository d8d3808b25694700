package dev.idea.storage.jdbc;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.spi.storage.StorageContext;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The settings of the JDBC storage, read from a {@link StorageContext} with environment fallbacks.
 *
 * @param url the JDBC URL, or null when the caller supplies a {@code DataSource}
 * @param user the database user, or null to take it from the URL
 * @param password the password, or null
 * @param schema the schema holding IDEA's tables
 * @param maxPoolSize most connections of the pool this module creates
 * @param connectionTimeoutMillis how long to wait for a pooled connection before failing
 */
record JdbcSettings(String url, String user, String password, String schema, int maxPoolSize,
                    long connectionTimeoutMillis) {
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    JdbcSettings {
        Objects.requireNonNull(schema, "schema");
        if (!SCHEMA.matcher(schema).matches()) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, JdbcStorageProvider.SCHEMA_PROPERTY + " = \""
                    + schema + "\" is not a plain schema name; use 1-63 characters of a-z 0-9 _, not starting with a digit");
        }
        if (maxPoolSize < 1 || maxPoolSize > 1000) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, JdbcStorageProvider.POOL_SIZE_PROPERTY + " = "
                    + maxPoolSize + " is out of range; use 1-1000 (default " + JdbcStorageProvider.DEFAULT_POOL_SIZE + ")");
        }
        if (connectionTimeoutMillis < 250) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, JdbcStorageProvider.CONNECTION_TIMEOUT_PROPERTY
                    + " = " + connectionTimeoutMillis + " is too short; use at least 250 milliseconds (default "
                    + JdbcStorageProvider.DEFAULT_CONNECTION_TIMEOUT_MILLIS + ")");
        }
    }

    /**
     * Reads the settings: each property first, then its environment variable.
     *
     * @param context the storage context
     * @param environment looks environment variables up (System::getenv in production)
     * @return the settings
     * @throws ConfigurationException with {@code CONFIG_INVALID} naming the bad setting
     */
    static JdbcSettings from(StorageContext context, Function<String, String> environment) {
        String url = setting(context, environment, JdbcStorageProvider.URL_PROPERTY, JdbcStorageProvider.URL_ENV).orElse(null);
        String user = setting(context, environment, JdbcStorageProvider.USER_PROPERTY, JdbcStorageProvider.USER_ENV).orElse(null);
        String password = setting(context, environment, JdbcStorageProvider.PASSWORD_PROPERTY,
                JdbcStorageProvider.PASSWORD_ENV).orElse(null);
        String schema = context.property(JdbcStorageProvider.SCHEMA_PROPERTY).orElse(JdbcStorageProvider.DEFAULT_SCHEMA);
        int poolSize = (int) number(context, JdbcStorageProvider.POOL_SIZE_PROPERTY, JdbcStorageProvider.DEFAULT_POOL_SIZE);
        long timeout = number(context, JdbcStorageProvider.CONNECTION_TIMEOUT_PROPERTY,
                JdbcStorageProvider.DEFAULT_CONNECTION_TIMEOUT_MILLIS);
        if (url != null && !url.startsWith("jdbc:")) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, JdbcStorageProvider.URL_PROPERTY + " = \""
                    + redactedUrl(url) + "\" is not a JDBC URL; write it as jdbc:postgresql://host:5432/database");
        }
        return new JdbcSettings(url, user, password, schema, poolSize, timeout);
    }

    /**
     * Returns the URL without its query string, which may carry a password.
     *
     * @param url a JDBC URL
     * @return the URL up to its first {@code ?}
     */
    static String redactedUrl(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + (url == null ? null : redactedUrl(url)) + ", user=" + user + ", password="
                + (password == null ? null : "***") + ", schema=" + schema + ", maxPoolSize=" + maxPoolSize
                + ", connectionTimeoutMillis=" + connectionTimeoutMillis + "]";
    }

    private static Optional<String> setting(StorageContext context, Function<String, String> environment, String key,
                                            String env) {
        Optional<String> value = context.property(key).filter(v -> !v.isBlank());
        return value.isPresent() ? value : Optional.ofNullable(environment.apply(env)).filter(v -> !v.isBlank());
    }

    private static long number(StorageContext context, String key, long fallback) {
        Optional<String> text = context.property(key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.get().trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, key + " = \"" + text.get()
                    + "\" is not a whole number; remove it to use the default " + fallback, e);
        }
    }
}
