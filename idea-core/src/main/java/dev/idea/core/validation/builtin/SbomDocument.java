package dev.idea.core.validation.builtin;

import java.util.List;
import java.util.Objects;

/**
 * A parsed SBOM: its format, version and components.
 *
 * @param format {@code CycloneDX} or {@code SPDX}
 * @param specVersion e.g. {@code 1.5} or {@code SPDX-2.3}
 * @param components the components in document order (CycloneDX nested components depth first)
 */
record SbomDocument(String format, String specVersion, List<SbomComponent> components) {
    SbomDocument {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(specVersion, "specVersion");
        components = List.copyOf(components);
    }
}
