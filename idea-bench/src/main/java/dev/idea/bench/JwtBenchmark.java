package dev.idea.bench;

import dev.idea.api.identity.Identity;
import dev.idea.api.identity.IdentityVerifier;
import dev.idea.api.identity.OidcOptions;
import dev.idea.testkit.identity.FakeIdentityProvider;
import dev.idea.testkit.identity.JwsAlgorithm;
import dev.idea.testkit.identity.TokenBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Access-token validation with a warm JWKS cache ({@link IdentityVerifier#verify}: parse, key look-up,
 * signature, claim checks, role mapping) beside the raw signature verification of the same token's
 * signing input, for RS256, ES256 and EdDSA. The raw baselines use the same primitive IDEA uses: the
 * JDK's {@code SHA256withRSA}, BouncyCastle's {@code SHA256withPLAIN-ECDSA} and BouncyCastle's
 * lightweight Ed25519. The JWKS is served by the testkit's {@link FakeIdentityProvider} on
 * 127.0.0.1 and fetched once in setup. Methods are named so that JMH runs each pair back to back.
 *
 * <p>Run: {@code java -jar idea-bench/target/idea-bench.jar JwtBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JwtBenchmark {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private FakeIdentityProvider idp;
    private IdentityVerifier verifier;
    private final Provider bouncyCastle = new BouncyCastleProvider();
    private String rsToken;
    private String esToken;
    private String edToken;
    private Raw rsRaw;
    private Raw esRaw;
    private Raw edRaw;
    private Ed25519PublicKeyParameters edKey;

    /** The signing input, signature and public key of one token. */
    private record Raw(byte[] input, byte[] signature, PublicKey key) {
    }

    /** Starts the fake provider, mints one token per algorithm and warms the JWKS cache. */
    @Setup
    public void setUp() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        idp = FakeIdentityProvider.start(clock, JwsAlgorithm.RS256);
        String ec = idp.addKey(JwsAlgorithm.ES256);
        String ed = idp.addKey(JwsAlgorithm.EDDSA);
        verifier = IdentityVerifier.create(OidcOptions.builder().issuer(idp.issuer()).audience(TokenBuilder.DEFAULT_AUDIENCE)
                .jwksUri(idp.jwksUri()).insecureAllowHttp(true).clock(clock).build());
        rsToken = token(idp.token());
        esToken = token(idp.token().signingKey(ec));
        edToken = token(idp.token().signingKey(ed));
        rsRaw = raw(rsToken, idp.publicKey(idp.currentKeyId()));
        esRaw = raw(esToken, bouncyCastleKey(idp.publicKey(ec)));
        edRaw = raw(edToken, idp.publicKey(ed));
        byte[] spki = edRaw.key().getEncoded();
        edKey = new Ed25519PublicKeyParameters(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        for (String token : new String[] {rsToken, esToken, edToken}) {
            verifier.verify(token);
        }
        if (!rs256Raw() || !es256Raw() || !eddsaRaw()) {
            throw new IllegalStateException("a raw baseline does not verify its token");
        }
    }

    /** Stops the fake provider. */
    @TearDown
    public void tearDown() {
        verifier.close();
        idp.close();
    }

    private static String token(TokenBuilder builder) {
        return builder.subject("bench-user").scope("openid", "idea:approve").claim("email", "bench@example.com")
                .expiresAt(NOW.plus(Duration.ofHours(1))).sign();
    }

    /** Decodes the key with the BC provider once, as IDEA does, so that BC does not convert a JDK key per call. */
    private PublicKey bouncyCastleKey(PublicKey key) {
        try {
            return KeyFactory.getInstance("EC", bouncyCastle).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Raw raw(String token, PublicKey key) {
        int dot = token.lastIndexOf('.');
        return new Raw(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlDecoder().decode(token.substring(dot + 1)), key);
    }

    /**
     * Validates an RS256 token.
     *
     * @return the identity
     */
    @Benchmark
    public Identity rs256Jwt() {
        return verifier.verify(rsToken);
    }

    /**
     * Raw baseline: JDK SHA256withRSA verification of the same signing input.
     *
     * @return whether it verified
     */
    @Benchmark
    public boolean rs256Raw() {
        return jca("SHA256withRSA", null, rsRaw);
    }

    /**
     * Validates an ES256 token.
     *
     * @return the identity
     */
    @Benchmark
    public Identity es256Jwt() {
        return verifier.verify(esToken);
    }

    /**
     * Raw baseline: BouncyCastle SHA256withPLAIN-ECDSA verification of the same signing input.
     *
     * @return whether it verified
     */
    @Benchmark
    public boolean es256Raw() {
        return jca("SHA256withPLAIN-ECDSA", bouncyCastle, esRaw);
    }

    /**
     * Validates an EdDSA (Ed25519) token.
     *
     * @return the identity
     */
    @Benchmark
    public Identity eddsaJwt() {
        return verifier.verify(edToken);
    }

    /**
     * Raw baseline: BouncyCastle lightweight Ed25519 verification of the same signing input.
     *
     * @return whether it verified
     */
    @Benchmark
    public boolean eddsaRaw() {
        return edKey.verify(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, edRaw.input(), 0,
                edRaw.input().length, edRaw.signature(), 0);
    }

    private static boolean jca(String algorithm, Provider provider, Raw raw) {
        try {
            Signature signature = provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
            signature.initVerify(raw.key());
            signature.update(raw.input());
            return signature.verify(raw.signature());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm, e);
        }
    }
}
