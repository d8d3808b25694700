package dev.idea.testkit.identity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake OIDC identity provider: publishes a JWKS from a real HTTP server on {@code 127.0.0.1}
 * (ephemeral port) and mints access tokens signed with its keys.
 *
 * <pre>{@code
 * try (FakeIdentityProvider idp = FakeIdentityProvider.start(clock)) {
 *     String token = idp.token().subject("bob").scope("idea:approve").sign();
 *     // verify against idp.issuer(), idp.jwksUri(), audience TokenBuilder.DEFAULT_AUDIENCE
 *     idp.rotate();                          // new current key, the old one stays published
 *     idp.respond(JwksResponse.SERVER_ERROR); // the next JWKS request gets a 503
 * }
 * }</pre>
 *
 * <p>Keys are fresh JDK keys (RSA 2048, EC P-256, Ed25519) made at run time; nothing secret is
 * checked in. The JWKS is served at {@code /jwks} over plain http, so verifiers must be told to allow
 * http for this test. Thread-safe; {@link #jwksRequests()} counts the JWKS requests answered or
 * held, to check caching and rate limits.
 *
 * @since 0.1
 */
public final class FakeIdentityProvider implements AutoCloseable {
    private static final long HANG_LIMIT_SECONDS = 60;

    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String issuer;
    private final URI jwksUri;
    private final Map<String, FakeKey> keys = new LinkedHashMap<>();
    private final Map<String, FakeKey> published = new LinkedHashMap<>();
    private final List<Map<String, Object>> extraJwks = new ArrayList<>();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final AtomicInteger counter = new AtomicInteger();
    private FakeKey current;
    private boolean publishAlg = true;
    private JwksResponse response = JwksResponse.NORMAL;
    private CountDownLatch hangRelease = new CountDownLatch(1);

    private FakeIdentityProvider(Clock clock, JwsAlgorithm algorithm) throws IOException {
        this.clock = Objects.requireNonNull(clock, "clock");
        current = newKey(algorithm);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-identity-provider");
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", this::serveJwks);
        server.setExecutor(executor);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        issuer = base + "/realms/idea";
        jwksUri = URI.create(base + "/jwks");
    }

    /**
     * Starts a provider with one RS256 key.
     *
     * @param clock the clock for {@code iat} and {@code exp}
     * @return the running provider
     * @throws IllegalStateException when no loopback port can be bound
     */
    public static FakeIdentityProvider start(Clock clock) {
        return start(clock, JwsAlgorithm.RS256);
    }

    /**
     * Starts a provider whose first (current) key has the given algorithm.
     *
     * @param clock the clock for {@code iat} and {@code exp}
     * @param algorithm the algorithm of the first key
     * @return the running provider
     * @throws IllegalStateException when no loopback port can be bound
     */
    public static FakeIdentityProvider start(Clock clock, JwsAlgorithm algorithm) {
        try {
            return new FakeIdentityProvider(clock, algorithm);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a loopback port for the fake identity provider", e);
        }
    }

    /**
     * Returns the issuer identifier that tokens carry in {@code iss}.
     *
     * @return e.g. {@code http://127.0.0.1:40123/realms/idea}
     */
    public String issuer() {
        return issuer;
    }

    /**
     * Returns where the JWKS is served.
     *
     * @return the JWKS URI
     */
    public URI jwksUri() {
        return jwksUri;
    }

    /**
     * Starts a token signed with the current key.
     *
     * @return a token builder with the defaults of {@link TokenBuilder}
     */
    public synchronized TokenBuilder token() {
        return new TokenBuilder(this, current, clock.instant());
    }

    /**
     * Returns the kid of the current key.
     *
     * @return the kid
     */
    public synchronized String currentKeyId() {
        return current.kid();
    }

    /**
     * Returns the public key of a key, e.g. to verify a token with the JDK alone in a baseline.
     *
     * @param kid the key id
     * @return the JDK public key (RSA, EC or EdEC)
     */
    public PublicKey publicKey(String kid) {
        return key(kid).publicKey();
    }

    /**
     * Adds and publishes a key; the current key stays.
     *
     * @param algorithm its algorithm
     * @return its kid
     */
    public synchronized String addKey(JwsAlgorithm algorithm) {
        return newKey(algorithm).kid();
    }

    /**
     * Rotates: adds and publishes a key of the current key's algorithm and makes it current. The
     * previous key stays published until {@link #retire}d.
     *
     * @return the new kid
     */
    public synchronized String rotate() {
        current = newKey(current.algorithm());
        return current.kid();
    }

    /**
     * Removes a key from the JWKS. Tokens can still be minted with it (to test that they are refused).
     *
     * @param kid the key id
     */
    public synchronized void retire(String kid) {
        key(kid);
        published.remove(kid);
    }

    /**
     * Sets whether the published JWKs carry their {@code alg} member (default true).
     *
     * @param value whether to publish {@code alg}
     */
    public synchronized void publishAlgorithms(boolean value) {
        publishAlg = value;
    }

    /**
     * Publishes an extra JWK as given, e.g. a symmetric {@code oct} key or a duplicate kid.
     *
     * @param jwk the JWK members
     */
    public synchronized void publishJwk(Map<String, Object> jwk) {
        extraJwks.add(new LinkedHashMap<>(jwk));
    }

    /**
     * Sets how the JWKS endpoint answers from now on. Switching away from {@link JwksResponse#HANG}
     * releases the held requests (they then get the new answer).
     *
     * @param value the answer
     */
    public void respond(JwksResponse value) {
        CountDownLatch release;
        synchronized (this) {
            response = Objects.requireNonNull(value, "value");
            release = hangRelease;
            if (value == JwksResponse.HANG) {
                return;
            }
            hangRelease = new CountDownLatch(1);
        }
        release.countDown();
    }

    /**
     * Returns how many JWKS requests arrived.
     *
     * @return the count
     */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /**
     * Returns the JWKS document currently published.
     *
     * @return the JSON
     */
    public synchronized String jwksJson() {
        List<Object> jwks = new ArrayList<>();
        published.values().forEach(key -> jwks.add(key.jwk(publishAlg)));
        jwks.addAll(extraJwks);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("keys", jwks);
        return JsonSupport.write(document);
    }

    /** Stops the server and releases held requests. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            hangRelease.countDown();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    synchronized FakeKey key(String kid) {
        FakeKey key = keys.get(kid);
        if (key == null) {
            throw new IllegalArgumentException("no key " + kid + "; keys are " + keys.keySet());
        }
        return key;
    }

    private FakeKey newKey(JwsAlgorithm algorithm) {
        FakeKey key = FakeKey.generate(algorithm.jwsName().toLowerCase(java.util.Locale.ROOT) + "-" + counter.incrementAndGet(),
                algorithm);
        keys.put(key.kid(), key);
        published.put(key.kid(), key);
        return key;
    }

    private void serveJwks(HttpExchange exchange) throws IOException {
        try (exchange) {
            jwksRequests.incrementAndGet();
            JwksResponse answer;
            CountDownLatch release;
            synchronized (this) {
                answer = response;
                release = hangRelease;
            }
            if (answer == JwksResponse.HANG) {
                awaitRelease(release);
                synchronized (this) {
                    answer = response == JwksResponse.HANG ? JwksResponse.SERVER_ERROR : response;
                }
            }
            switch (answer) {
                case SERVER_ERROR -> send(exchange, 503, "text/plain", "service unavailable");
                case MALFORMED_JSON -> send(exchange, 200, "application/json", "{\"keys\": [ {\"kty\": \"RSA\",");
                case NOT_A_JWKS -> send(exchange, 200, "application/json", "{\"issuer\":\"" + issuer + "\"}");
                default -> send(exchange, 200, "application/jwk-set+json", jwksJson());
            }
        }
    }

    private static void awaitRelease(CountDownLatch release) {
        try {
            release.await(HANG_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
