package dev.idea.core.validation.builtin;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import dev.idea.spi.validation.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The advisory and deny list the {@code dependencies} validator checks components against, read from
 * a JSON file named in the settings (format in docs/validators.md).
 *
 * <pre>
 * {"advisories": [{"id": "GHSA-jfh8-c2jp-5v3q", "purl": "pkg:maven/org.apache.logging.log4j/log4j-core",
 *                  "versions": "&gt;=2.0-beta9, &lt;2.15.0", "severity": "ERROR", "summary": "Log4Shell"}],
 *  "deny": [{"purl": "pkg:npm/event-stream", "reason": "compromised maintainer account"}]}
 * </pre>
 *
 * Immutable and thread-safe once read.
 *
 * @param advisories the advisories in file order
 * @param denied the denied packages in file order
 */
record AdvisoryList(List<Advisory> advisories, List<Denied> denied) {
    /** Largest advisory file read: 16 MiB. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    AdvisoryList {
        advisories = List.copyOf(advisories);
        denied = List.copyOf(denied);
    }

    /**
     * One advisory.
     *
     * @param id e.g. a GHSA or CVE id
     * @param purl the affected package (its version, if any, is ignored)
     * @param versions the affected versions
     * @param severity the finding severity
     * @param summary a short description, may be empty
     */
    record Advisory(String id, PackageUrl purl, VersionRange versions, Finding.Severity severity, String summary) {
    }

    /**
     * A package denied in every version.
     *
     * @param purl the package
     * @param reason why, may be empty
     */
    record Denied(PackageUrl purl, String reason) {
    }

    /**
     * Reads an advisory file.
     *
     * @throws ConfigurationException with {@link ErrorCode#CONFIG_INVALID} when the file cannot be read or is invalid
     */
    static AdvisoryList read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw problem(file, "cannot be read (" + e.getMessage() + "); check the advisories setting", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw problem(file, "is larger than " + MAX_BYTES + " bytes; split it", null);
        }
        try {
            JsonObject root = Json.parseObject(bytes, JsonLimits.DEFAULT);
            List<Advisory> advisories = new ArrayList<>();
            List<JsonValue> items = array(root, "advisories");
            for (int i = 0; i < items.size(); i++) {
                advisories.add(advisory(items.get(i), "$.advisories[" + i + "]"));
            }
            List<Denied> denied = new ArrayList<>();
            List<JsonValue> deny = array(root, "deny");
            for (int i = 0; i < deny.size(); i++) {
                JsonObject d = object(deny.get(i), "$.deny[" + i + "]");
                denied.add(new Denied(PackageUrl.parse(d.requireString("purl")), d.optString("reason").orElse("")));
            }
            return new AdvisoryList(advisories, denied);
        } catch (FormatException | IllegalArgumentException e) {
            throw problem(file, "is invalid: " + e.getMessage(), e);
        }
    }

    private static Advisory advisory(JsonValue value, String at) {
        JsonObject a = object(value, at);
        String id = a.requireString("id");
        PackageUrl purl = PackageUrl.parse(a.requireString("purl"));
        VersionRange versions;
        JsonValue v = a.get("versions").orElse(null);
        if (v == null) {
            versions = VersionRange.parse("*");
        } else if (v instanceof JsonString s) {
            versions = VersionRange.parse(s.value());
        } else if (v instanceof JsonArray arr) {
            List<String> parts = new ArrayList<>();
            for (JsonValue item : arr.values()) {
                if (!(item instanceof JsonString s)) {
                    throw new IllegalArgumentException(at + ".versions must hold strings");
                }
                parts.add(s.value());
            }
            versions = VersionRange.parse(String.join(" | ", parts));
        } else {
            throw new IllegalArgumentException(at + ".versions must be a string or an array of strings");
        }
        Finding.Severity severity;
        try {
            severity = Finding.Severity.valueOf(a.optString("severity").orElse("ERROR").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ".severity must be INFO, WARNING or ERROR", e);
        }
        return new Advisory(id, purl, versions, severity, a.optString("summary").orElse(""));
    }

    private static List<JsonValue> array(JsonObject root, String key) {
        JsonValue v = root.get(key).orElse(null);
        if (v == null) {
            return List.of();
        }
        if (v instanceof JsonArray a) {
            return a.values();
        }
        throw new IllegalArgumentException("$." + key + " must be an array");
    }

    private static JsonObject object(JsonValue v, String at) {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new IllegalArgumentException(at + " must be an object");
    }

    private static ConfigurationException problem(Path file, String what, Throwable cause) {
        return new ConfigurationException(ErrorCode.CONFIG_INVALID, "validator dependencies: advisory file " + file + " " + what
                + " (format in docs/validators.md)", cause);
    }
}
