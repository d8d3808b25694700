package dev.idea.core.audit;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * How the audit log checkpoints and anchors, read from {@code idea.audit.*} properties.
 *
 * @param origin the checkpoint origin line and key name ({@value #ORIGIN}, default {@value #DEFAULT_ORIGIN})
 * @param checkpointEveryEvents sign a checkpoint once this many events were added since the last one
 *     ({@value #EVERY_EVENTS}, default {@value #DEFAULT_EVERY_EVENTS}; 0 = never by count)
 * @param checkpointEvery sign a checkpoint on the first append this long after the last one
 *     ({@value #EVERY}, ISO-8601 duration, e.g. {@code PT5M}; null = never by time)
 * @param anchor send each checkpoint to the kernel's anchor call and record the receipt as an
 *     {@code audit.anchor} event ({@value #ANCHOR}, default false)
 * @param eventSignatures sign every event with the checkpoint key as well, into the
 *     {@code audit-signatures} log ({@value #EVENT_SIGNATURES}, default false; see
 *     {@code docs/formats/audit-event-signatures.md})
 */
public record AuditSettings(String origin, long checkpointEveryEvents, Duration checkpointEvery, boolean anchor,
                            boolean eventSignatures) {
    /** Property naming the origin. */
    public static final String ORIGIN = "idea.audit.origin";
    /** Property: checkpoint every N events. */
    public static final String EVERY_EVENTS = "idea.audit.checkpoint.every-events";
    /** Property: checkpoint every T. */
    public static final String EVERY = "idea.audit.checkpoint.every";
    /** Property: anchor checkpoints. */
    public static final String ANCHOR = "idea.audit.anchor";
    /** Property: sign each event. */
    public static final String EVENT_SIGNATURES = "idea.audit.event-signatures";
    /** Default origin. */
    public static final String DEFAULT_ORIGIN = "idea.local/audit";
    /** Default checkpoint cadence in events. */
    public static final long DEFAULT_EVERY_EVENTS = 1000;

    /** Validates ranges. */
    public AuditSettings {
        Objects.requireNonNull(origin, "origin");
        if (checkpointEveryEvents < 0) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, EVERY_EVENTS + " must be >= 0, got " + checkpointEveryEvents);
        }
        if (checkpointEvery != null && (checkpointEvery.isNegative() || checkpointEvery.isZero())) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, EVERY + " must be positive, got " + checkpointEvery);
        }
    }

    /**
     * Creates settings without per-event signatures.
     *
     * @param origin the checkpoint origin
     * @param checkpointEveryEvents checkpoint cadence in events
     * @param checkpointEvery checkpoint cadence in time, or null
     * @param anchor whether checkpoints are anchored
     */
    public AuditSettings(String origin, long checkpointEveryEvents, Duration checkpointEvery, boolean anchor) {
        this(origin, checkpointEveryEvents, checkpointEvery, anchor, false);
    }

    /**
     * Returns the defaults: origin {@value #DEFAULT_ORIGIN}, every 1000 events, no timer, no anchoring,
     * no per-event signatures.
     *
     * @return the defaults
     */
    public static AuditSettings defaults() {
        return new AuditSettings(DEFAULT_ORIGIN, DEFAULT_EVERY_EVENTS, null, false, false);
    }

    /**
     * Reads the settings from properties.
     *
     * @param properties the instance's properties
     * @return the settings
     * @throws ConfigurationException with {@link ErrorCode#CONFIG_INVALID} naming a bad value
     */
    public static AuditSettings from(Map<String, String> properties) {
        String origin = properties.getOrDefault(ORIGIN, DEFAULT_ORIGIN);
        if (origin.isEmpty() || origin.chars().anyMatch(c -> c == '+' || c <= ' ')) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, ORIGIN + " \"" + origin
                    + "\" must be non-empty without spaces or '+', e.g. example.com/idea-audit");
        }
        long every;
        try {
            every = Long.parseLong(properties.getOrDefault(EVERY_EVENTS, Long.toString(DEFAULT_EVERY_EVENTS)));
        } catch (NumberFormatException e) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, EVERY_EVENTS + " must be a whole number, got \""
                    + properties.get(EVERY_EVENTS) + "\"", e);
        }
        Duration timer = null;
        if (properties.containsKey(EVERY)) {
            try {
                timer = Duration.parse(properties.get(EVERY));
            } catch (DateTimeParseException e) {
                throw new ConfigurationException(ErrorCode.CONFIG_INVALID, EVERY + " must be an ISO-8601 duration such as PT5M, got \""
                        + properties.get(EVERY) + "\"", e);
            }
        }
        return new AuditSettings(origin, every, timer, flag(properties, ANCHOR), flag(properties, EVENT_SIGNATURES));
    }

    private static boolean flag(Map<String, String> properties, String name) {
        String value = properties.getOrDefault(name, "false");
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, name + " must be true or false, got \"" + value + "\"");
        }
        return Boolean.parseBoolean(value);
    }
}
