package dev.idea.core.internal.jose;

import dev.idea.api.ErrorCode;
import dev.idea.api.identity.IdentityException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * Fetches a JWKS document over HTTP(S) with the JDK client: one GET, no redirects, a connect timeout
 * and a deadline on the whole exchange (headers and body), a size limit, status 200 only.
 *
 * <p>Thread-safe. Every failure is an {@link IdentityException} with {@code
 * IDENTITY_JWKS_UNAVAILABLE}: the caller refuses tokens rather than fall back to anything.
 */
final class JwksFetcher {
    private final HttpClient client;
    private final URI uri;
    private final Duration timeout;
    private final int maxBytes;

    JwksFetcher(URI uri, Duration timeout, int maxBytes, SSLContext sslContext) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.client = builder.build();
        this.uri = uri;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    URI uri() {
        return uri;
    }

    /**
     * Fetches the document.
     *
     * @return the body as UTF-8 text
     * @throws IdentityException with {@code IDENTITY_JWKS_UNAVAILABLE}
     */
    String fetch() {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(timeout)
                .header("Accept", "application/jwk-set+json, application/json").build();
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, info -> new BoundedBodySubscriber(maxBytes));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw unavailable("did not answer within " + timeout, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof HttpTimeoutException
                    ? unavailable("did not answer within " + timeout, cause)
                    : unavailable("failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            throw unavailable("was interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw unavailable("answered HTTP " + response.statusCode(), null);
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private IdentityException unavailable(String what, Throwable cause) {
        return new IdentityException(ErrorCode.IDENTITY_JWKS_UNAVAILABLE, "the JWKS request to " + uri + " " + what
                + "; tokens are refused until the JWKS can be fetched (check the issuer's availability and the jwksUri)", cause);
    }
}
