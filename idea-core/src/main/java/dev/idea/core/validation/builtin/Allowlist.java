package dev.idea.core.validation.builtin;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a scanner ignores: entries whose path matches one of the globs, and values whose
 * {@linkplain Redaction#fingerprint fingerprint} is listed. Immutable and thread-safe.
 */
final class Allowlist {
    private final List<Glob> paths;
    private final Set<String> fingerprints;

    Allowlist(List<String> pathGlobs, List<String> fingerprints) {
        this.paths = pathGlobs.stream().map(Glob::compile).toList();
        this.fingerprints = new TreeSet<>(fingerprints);
    }

    static Allowlist from(Settings settings) {
        return new Allowlist(settings.list("allow.paths", List.of()), settings.list("allow.fingerprints", List.of()));
    }

    boolean pathAllowed(String path) {
        return paths.stream().anyMatch(g -> g.matches(path));
    }

    boolean valueAllowed(String fingerprint) {
        return fingerprints.contains(fingerprint);
    }
}
