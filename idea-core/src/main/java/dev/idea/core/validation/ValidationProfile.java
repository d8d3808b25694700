package dev.idea.core.validation;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaProvider;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.ValidatorSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which validators run for each package type, with which settings, read from properties:
 *
 * <pre>
 * idea.validation.&lt;type&gt;.validators = license,sbom,secrets
 * idea.validation.&lt;type&gt;.&lt;validator-id&gt;.&lt;setting&gt; = value
 * idea.validation.default.validators = ...   (types without their own list)
 * </pre>
 *
 * <p>Validators are found with {@link ServiceLoader} and selected by id; validators passed in code
 * ({@code Idea.builder().provider(...)}) take precedence over discovered ones with the same id. A
 * configured id that no validator has fails at start-up with the ids available. Types without a list
 * (and without a default) run no validator: only the built-in size, checksum and archive checks.
 *
 * <p>Immutable and thread-safe.
 */
public final class ValidationProfile {
    /** Prefix of every validation property. */
    public static final String PREFIX = "idea.validation.";
    /** Suffix of the property listing a type's validators. */
    public static final String VALIDATORS = ".validators";
    /** The pseudo type whose list applies to types without their own. */
    public static final String DEFAULT_TYPE = "default";

    private final SortedMap<String, List<ConfiguredValidator>> byType;

    private ValidationProfile(SortedMap<String, List<ConfiguredValidator>> byType) {
        this.byType = byType;
    }

    /**
     * A profile without validators: every type gets only the built-in checks.
     *
     * @return the empty profile
     */
    public static ValidationProfile none() {
        return new ValidationProfile(new TreeMap<>());
    }

    /**
     * Reads a profile from properties, finding validators with {@link ServiceLoader} and among the
     * providers passed in code.
     *
     * @param properties the engine properties
     * @param inCode providers passed in code (others than validators are ignored)
     * @return the profile
     * @throws ConfigurationException with {@link ErrorCode#VALIDATOR_UNAVAILABLE} naming a missing id
     */
    public static ValidationProfile fromProperties(Map<String, String> properties, List<? extends IdeaProvider> inCode) {
        SortedMap<String, String> sorted = new TreeMap<>(properties);
        SortedMap<String, List<String>> lists = new TreeMap<>();
        sorted.forEach((key, value) -> {
            if (key.startsWith(PREFIX) && key.endsWith(VALIDATORS) && key.length() > PREFIX.length() + VALIDATORS.length()) {
                String type = key.substring(PREFIX.length(), key.length() - VALIDATORS.length());
                lists.put(type, Arrays.stream(value.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList());
            }
        });
        if (lists.isEmpty()) {
            return none();
        }
        SortedMap<String, PackageValidator> available = available(inCode);
        SortedMap<String, List<ConfiguredValidator>> byType = new TreeMap<>();
        lists.forEach((type, ids) -> byType.put(type, configure(type, ids, sorted, available)));
        return new ValidationProfile(byType);
    }

    /**
     * Returns the validators of a package type, sorted by id.
     *
     * @param packageType e.g. {@code service-release}
     * @return the validators; empty when the type has none
     */
    List<ConfiguredValidator> forType(String packageType) {
        List<ConfiguredValidator> list = byType.get(packageType);
        if (list == null) {
            list = byType.getOrDefault(DEFAULT_TYPE, List.of());
        }
        return list;
    }

    private static List<ConfiguredValidator> configure(String type, List<String> ids, SortedMap<String, String> properties,
                                                       SortedMap<String, PackageValidator> available) {
        List<ConfiguredValidator> out = new ArrayList<>();
        for (String id : new TreeSet<>(ids)) {
            PackageValidator validator = available.get(id);
            if (validator == null) {
                throw new ConfigurationException(ErrorCode.VALIDATOR_UNAVAILABLE, PREFIX + type + VALIDATORS + " names validator \""
                        + id + "\" but the validators found are " + available.keySet() + "; add the artifact that provides it "
                        + "(the built-in ones come with dev.idea:idea-core) or pass it with Idea.builder().provider(...)");
            }
            String prefix = PREFIX + type + "." + id + ".";
            SortedMap<String, String> settings = new TreeMap<>();
            properties.subMap(prefix, prefix + Character.MAX_VALUE).forEach((k, v) -> settings.put(k.substring(prefix.length()), v));
            ValidatorSettings s = new ValidatorSettings(settings);
            out.add(new ConfiguredValidator(validator, s, settingsDigest(s), validator.packageDigests(s)));
        }
        out.sort(Comparator.comparing(c -> c.validator().id()));
        return List.copyOf(out);
    }

    /**
     * Returns SHA-256 of the RFC 8785 canonical JSON object of settings.
     *
     * @param settings the settings
     * @return the digest
     */
    static Digest settingsDigest(ValidatorSettings settings) {
        JsonObject.Builder b = JsonObject.builder();
        settings.values().forEach(b::put);
        return Digest.sha256(Bytes.of(Json.write(b.build())));
    }

    private static SortedMap<String, PackageValidator> available(List<? extends IdeaProvider> inCode) {
        SortedMap<String, PackageValidator> found = new TreeMap<>();
        try {
            for (PackageValidator v : ServiceLoader.load(PackageValidator.class, ValidationProfile.class.getClassLoader())) {
                PackageValidator previous = found.put(v.id(), v);
                if (previous != null && previous.getClass() != v.getClass()) {
                    throw new ConfigurationException(ErrorCode.VALIDATOR_UNAVAILABLE, "two validators have id \"" + v.id()
                            + "\": " + previous.getClass().getName() + " and " + v.getClass().getName()
                            + "; remove one of the artifacts from the class path");
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException(ErrorCode.VALIDATOR_UNAVAILABLE, "a package validator on the class path cannot be "
                    + "loaded (" + e.getMessage() + "); fix or remove its artifact", e);
        }
        for (IdeaProvider p : inCode) {
            if (p instanceof PackageValidator v) {
                found.put(v.id(), v);
            }
        }
        return found;
    }
}
