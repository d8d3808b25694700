package dev.idea.core.validation.builtin;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses CycloneDX JSON (specVersion 1.4 to 1.6) and SPDX JSON (SPDX-2.2, SPDX-2.3) documents into
 * an {@link SbomDocument}, with the strict JSON parser of {@code internal.json}.
 *
 * <p>Only what the validators need is read: CycloneDX {@code components} (nested ones too) with
 * name, version, purl and licenses ({@code license.id}, {@code license.name}, {@code expression});
 * SPDX {@code packages} with name, versionInfo, the {@code purl} external reference and the
 * declared / concluded licenses ({@code NOASSERTION} and {@code NONE} are skipped). Unknown members
 * are ignored, as both specifications allow extensions. Stateless and thread-safe.
 */
final class SbomParser {
    private static final Set<String> CYCLONEDX_VERSIONS = Set.of("1.4", "1.5", "1.6");
    private static final Set<String> SPDX_VERSIONS = Set.of("SPDX-2.2", "SPDX-2.3");

    private SbomParser() {
    }

    /**
     * Parses an SBOM.
     *
     * @param utf8 the document
     * @param limits JSON bounds
     * @return the document
     * @throws FormatException a JSON error code from the strict parser, or {@link ErrorCode#SBOM_INVALID}
     *     when the JSON is not a supported CycloneDX or SPDX document; the message names the JSONPath
     */
    static SbomDocument parse(byte[] utf8, JsonLimits limits) {
        JsonObject root = Json.parseObject(utf8, limits);
        if (root.get("bomFormat").isPresent()) {
            return cycloneDx(root);
        }
        if (root.get("spdxVersion").isPresent()) {
            return spdx(root);
        }
        throw invalid("$", "has neither bomFormat (CycloneDX) nor spdxVersion (SPDX)");
    }

    private static SbomDocument cycloneDx(JsonObject root) {
        String format = string(root, "bomFormat", "$").orElseThrow();
        if (!format.equals("CycloneDX")) {
            throw invalid("$.bomFormat", "is \"" + Redaction.abbreviate(format) + "\" but must be \"CycloneDX\"");
        }
        String version = string(root, "specVersion", "$")
                .orElseThrow(() -> invalid("$.specVersion", "is missing; CycloneDX documents state their specVersion"));
        if (!CYCLONEDX_VERSIONS.contains(version)) {
            throw invalid("$.specVersion", "is \"" + Redaction.abbreviate(version) + "\"; supported are 1.4, 1.5 and 1.6");
        }
        List<SbomComponent> out = new ArrayList<>();
        components(root, "$", out);
        return new SbomDocument("CycloneDX", version, out);
    }

    private static void components(JsonObject parent, String path, List<SbomComponent> out) {
        List<JsonObject> items = objects(parent, "components", path);
        for (int i = 0; i < items.size(); i++) {
            JsonObject c = items.get(i);
            String at = path + ".components[" + i + "]";
            String name = string(c, "name", at).orElseThrow(() -> invalid(at + ".name", "is missing; every component has a name"));
            List<String> licenses = new ArrayList<>();
            List<JsonObject> choices = objects(c, "licenses", at);
            for (int j = 0; j < choices.size(); j++) {
                String lat = at + ".licenses[" + j + "]";
                JsonObject choice = choices.get(j);
                Optional<String> expression = string(choice, "expression", lat);
                if (expression.isPresent()) {
                    licenses.add(expression.get());
                    continue;
                }
                JsonValue license = choice.get("license").orElse(null);
                if (!(license instanceof JsonObject lo)) {
                    throw invalid(lat, "must hold a license object or an expression");
                }
                string(lo, "id", lat + ".license").or(() -> string(lo, "name", lat + ".license")).ifPresent(licenses::add);
            }
            out.add(new SbomComponent(name, string(c, "version", at).orElse(""), string(c, "purl", at).orElse(""), licenses, at));
            components(c, at, out);
        }
    }

    private static SbomDocument spdx(JsonObject root) {
        String version = string(root, "spdxVersion", "$").orElseThrow();
        if (!SPDX_VERSIONS.contains(version)) {
            throw invalid("$.spdxVersion", "is \"" + Redaction.abbreviate(version) + "\"; supported are SPDX-2.2 and SPDX-2.3");
        }
        List<SbomComponent> out = new ArrayList<>();
        List<JsonObject> packages = objects(root, "packages", "$");
        for (int i = 0; i < packages.size(); i++) {
            JsonObject p = packages.get(i);
            String at = "$.packages[" + i + "]";
            String name = string(p, "name", at).orElseThrow(() -> invalid(at + ".name", "is missing; every package has a name"));
            String purl = "";
            List<JsonObject> refs = objects(p, "externalRefs", at);
            for (int j = 0; j < refs.size(); j++) {
                String rat = at + ".externalRefs[" + j + "]";
                if (string(refs.get(j), "referenceType", rat).orElse("").equals("purl")) {
                    purl = string(refs.get(j), "referenceLocator", rat)
                            .orElseThrow(() -> invalid(rat + ".referenceLocator", "is missing"));
                    break;
                }
            }
            List<String> licenses = new ArrayList<>();
            for (String key : List.of("licenseDeclared", "licenseConcluded")) {
                string(p, key, at).filter(l -> !l.equals("NOASSERTION") && !l.equals("NONE"))
                        .filter(l -> !licenses.contains(l)).ifPresent(licenses::add);
            }
            out.add(new SbomComponent(name, string(p, "versionInfo", at).orElse(""), purl, licenses, at));
        }
        return new SbomDocument("SPDX", version, out);
    }

    private static Optional<String> string(JsonObject o, String key, String path) {
        JsonValue v = o.get(key).orElse(null);
        if (v == null || v instanceof dev.idea.core.internal.json.JsonNull) {
            return Optional.empty();
        }
        if (v instanceof JsonString s) {
            return Optional.of(s.value());
        }
        throw invalid(path + "." + key, "must be a string");
    }

    private static List<JsonObject> objects(JsonObject o, String key, String path) {
        JsonValue v = o.get(key).orElse(null);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray array)) {
            throw invalid(path + "." + key, "must be an array");
        }
        List<JsonObject> out = new ArrayList<>(array.values().size());
        for (int i = 0; i < array.values().size(); i++) {
            if (!(array.values().get(i) instanceof JsonObject item)) {
                throw invalid(path + "." + key + "[" + i + "]", "must be an object");
            }
            out.add(item);
        }
        return out;
    }

    private static FormatException invalid(String path, String problem) {
        return new FormatException(ErrorCode.SBOM_INVALID, "SBOM member " + path + " " + problem);
    }
}
