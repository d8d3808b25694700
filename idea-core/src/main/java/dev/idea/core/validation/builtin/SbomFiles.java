package dev.idea.core.validation.builtin;

import dev.idea.api.FormatException;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and parses the SBOM files of a package for the {@code sbom} and {@code dependencies}
 * validators. An SBOM is parsed as a whole, so {@code maxBytes} bounds the memory used per file.
 */
final class SbomFiles {
    /** Default SBOM file globs. */
    static final List<String> DEFAULT_GLOBS = List.of("bom.json", "*.cdx.json", "*.spdx.json");
    /** Default size limit of one SBOM file: 16 MiB. */
    static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    private SbomFiles() {
    }

    /**
     * One SBOM file: parsed, or why not.
     *
     * @param path the entry path
     * @param document the document when it parsed
     * @param problem the parser's or reader's message otherwise
     * @param places where the components are, or the problem (under {@code ""}) in the file
     */
    record Loaded(String path, Optional<SbomDocument> document, Optional<String> problem, JsonPlaces places) {

        /** Returns the 1-based line of a component (by its JSONPath), or of the problem for {@code ""}; 0 when unknown. */
        long line(String location) {
            return places.line(location);
        }

        /** Returns the byte offset of a component (by its JSONPath), or of the problem for {@code ""}; -1 when unknown. */
        long offset(String location) {
            return places.offset(location);
        }
    }

    static List<Loaded> load(PackageView pkg, List<String> globs, long maxBytes) {
        List<Glob> compiled = globs.stream().map(Glob::compile).toList();
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        JsonLimits limits = new JsonLimits(limit, JsonLimits.DEFAULT_MAX_DEPTH, limit);
        List<Loaded> out = new ArrayList<>();
        for (PackageEntry e : pkg.entries()) {
            if (e.type() != PackageEntry.Type.FILE || compiled.stream().noneMatch(g -> g.matches(e.path()))) {
                continue;
            }
            if (e.size() > maxBytes) {
                out.add(new Loaded(e.path(), Optional.empty(), Optional.of("SBOM is " + e.size() + " bytes; the limit is " + maxBytes
                        + " (max-bytes)"), JsonPlaces.NONE));
                continue;
            }
            try {
                out.add(parse(e.path(), EntryFiles.readAll(pkg, e, limit), limits));
            } catch (IOException ex) {
                out.add(new Loaded(e.path(), Optional.empty(), Optional.of("cannot read the SBOM: " + ex.getMessage()), JsonPlaces.NONE));
            }
        }
        return out;
    }

    private static Loaded parse(String path, byte[] bytes, JsonLimits limits) {
        SbomDocument document;
        try {
            document = SbomParser.parse(bytes, limits);
        } catch (FormatException ex) {
            return new Loaded(path, Optional.empty(), Optional.of(ex.getMessage()), JsonPlaces.ofProblem(bytes, limits, ex.getMessage()));
        }
        JsonPlaces places = JsonPlaces.of(bytes, limits, document.components().stream().map(SbomComponent::location).toList());
        return new Loaded(path, Optional.of(document), Optional.empty(), places);
    }
}
