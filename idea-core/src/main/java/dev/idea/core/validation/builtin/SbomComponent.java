package dev.idea.core.validation.builtin;

import java.util.List;
import java.util.Objects;

/**
 * One component listed by an SBOM.
 *
 * @param name the component name
 * @param version the version, or {@code ""} when the SBOM gives none
 * @param purl the package URL as written, or {@code ""} when the SBOM gives none
 * @param licenses license ids, names or expressions as written, in document order
 * @param location JSONPath of the component within its document, e.g. {@code $.components[2]}
 */
record SbomComponent(String name, String version, String purl, List<String> licenses, String location) {
    SbomComponent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(purl, "purl");
        licenses = List.copyOf(licenses);
        Objects.requireNonNull(location, "location");
    }

    /** Returns e.g. {@code log4j-core@2.14.1 (pkg:maven/…) licenses [Apache-2.0]}. */
    String describe() {
        return name + (version.isEmpty() ? "" : "@" + version) + (purl.isEmpty() ? "" : " (" + purl + ")")
                + (licenses.isEmpty() ? "" : " licenses " + licenses);
    }
}
