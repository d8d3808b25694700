package dev.idea.core;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.StartupRequirement;
import dev.idea.api.engine.IdeaConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the start-up requirements ({@link StartupRequirement}) before anything is opened, and
 * reports every missing input at once.
 */
final class StartupGuards {
    static final String KEY_REF = "idea.kernel.key-ref";
    static final String KEY_REF_ENV = "IDEA_KMS_KEY_REF";
    static final String KMS_ENV = "IDEA_KMS";

    private StartupGuards() {
    }

    /** Requirements switched on in code or by an environment variable of the same name set to true/1/yes. */
    static Set<StartupRequirement> active(IdeaConfig config) {
        Set<StartupRequirement> active = EnumSet.noneOf(StartupRequirement.class);
        active.addAll(config.requirements());
        for (StartupRequirement r : StartupRequirement.values()) {
            String value = config.environment().get(r.name());
            if (value != null && Set.of("true", "1", "yes").contains(value.trim().toLowerCase(Locale.ROOT))) {
                active.add(r);
            }
        }
        return Collections.unmodifiableSet(active);
    }

    /**
     * Checks every active requirement.
     *
     * @param kmsChosen whether a KMS provider was selected by id or passed in code
     * @param kernelId the selected kernel
     * @throws ConfigurationException with {@link ErrorCode#STARTUP_REQUIREMENT_UNMET} listing all problems
     */
    static void check(Set<StartupRequirement> active, IdeaConfig config, boolean kmsChosen, String kernelId) {
        List<String> problems = new ArrayList<>();
        if (active.contains(StartupRequirement.REQUIRE_KMS)) {
            if (!kmsChosen) {
                problems.add("REQUIRE_KMS: no KMS provider chosen; call Idea.builder().kms(\"<id>\") or .provider(kmsProvider), "
                        + "or set " + KMS_ENV);
            }
            if (config.setting(KEY_REF, KEY_REF_ENV).isEmpty()) {
                problems.add("REQUIRE_KMS: no signing key reference; set the property " + KEY_REF + " or " + KEY_REF_ENV);
            }
        }
        if (active.contains(StartupRequirement.REQUIRE_SIGNING_PROXY)) {
            checkSigningProxy(config, kernelId, problems);
        }
        if (active.contains(StartupRequirement.REQUIRE_MTLS)) {
            checkMtls(config, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(ErrorCode.STARTUP_REQUIREMENT_UNMET, String.join("; ", problems));
        }
    }

    private static void checkSigningProxy(IdeaConfig config, String kernelId, List<String> problems) {
        var url = config.setting("idea.signing-proxy.url", "IDEA_SIGNING_PROXY_URL");
        if (url.isEmpty()) {
            problems.add("REQUIRE_SIGNING_PROXY: no signing proxy configured; set idea.signing-proxy.url or IDEA_SIGNING_PROXY_URL "
                    + "to its https URL");
        } else {
            try {
                URI uri = new URI(url.get());
                if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.add("REQUIRE_SIGNING_PROXY: signing proxy URL \"" + url.get() + "\" must be https://host[:port]/...");
                }
            } catch (URISyntaxException e) {
                problems.add("REQUIRE_SIGNING_PROXY: signing proxy URL \"" + url.get() + "\" is not a URI: " + e.getMessage());
            }
        }
        if ("in-process".equals(kernelId)) {
            problems.add("REQUIRE_SIGNING_PROXY: kernel 'in-process' signs inside this process; select a kernel provider that "
                    + "signs through the proxy");
        }
    }

    private static void checkMtls(IdeaConfig config, List<String> problems) {
        var keyStore = config.setting("idea.mtls.keystore", "IDEA_MTLS_KEYSTORE");
        var trustStore = config.setting("idea.mtls.truststore", "IDEA_MTLS_TRUSTSTORE");
        if (keyStore.isEmpty()) {
            problems.add("REQUIRE_MTLS: no client key store; set idea.mtls.keystore or IDEA_MTLS_KEYSTORE to a PKCS#12 file");
        } else {
            char[] password = config.setting("idea.mtls.keystore-password", "IDEA_MTLS_KEYSTORE_PASSWORD").orElse("").toCharArray();
            loadAndCount(Path.of(keyStore.get()), password, true, "key store", problems);
        }
        if (trustStore.isEmpty()) {
            problems.add("REQUIRE_MTLS: no trust store; set idea.mtls.truststore or IDEA_MTLS_TRUSTSTORE to a PKCS#12 file");
        } else {
            char[] password = config.setting("idea.mtls.truststore-password", "IDEA_MTLS_TRUSTSTORE_PASSWORD").orElse("").toCharArray();
            loadAndCount(Path.of(trustStore.get()), password, false, "trust store", problems);
        }
    }

    private static void loadAndCount(Path path, char[] password, boolean wantPrivateKey, String what, List<String> problems) {
        if (!Files.isReadable(path)) {
            problems.add("REQUIRE_MTLS: " + what + " " + path + " does not exist or is not readable");
            return;
        }
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(path.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, password);
            boolean found = false;
            for (String alias : Collections.list(store.aliases())) {
                found |= wantPrivateKey ? store.isKeyEntry(alias) : store.isCertificateEntry(alias) || store.isKeyEntry(alias);
            }
            if (!found) {
                problems.add("REQUIRE_MTLS: " + what + " " + path + (wantPrivateKey ? " holds no private key entry"
                        : " holds no certificate"));
            }
        } catch (IOException | GeneralSecurityException e) {
            problems.add("REQUIRE_MTLS: " + what + " " + path + " cannot be loaded (" + e.getMessage()
                    + "); check the file and its password");
        }
    }
}
