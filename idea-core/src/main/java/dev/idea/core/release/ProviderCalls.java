package dev.idea.core.release;

import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.ProviderException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs calls into KMS and kernel providers with a deadline, and turns whatever a provider throws
 * into a typed {@link IdeaException}.
 *
 * <p>Thread-safe. A call that overruns is interrupted and reported as
 * {@link ErrorCode#PROVIDER_TIMEOUT}; the caller records nothing for it.
 */
public final class ProviderCalls implements AutoCloseable {
    private final Duration timeout;
    private final ExecutorService executor;

    /**
     * Creates the runner.
     *
     * @param timeout deadline of each call
     */
    public ProviderCalls(Duration timeout) {
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "idea-provider-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs one provider call.
     *
     * @param what what is being done, for messages, e.g. {@code kernel 'in-process' signing manifest mf-1}
     * @param action the call
     * @param <T> the result type
     * @return the result
     * @throws ProviderException with {@link ErrorCode#PROVIDER_TIMEOUT} or {@link ErrorCode#PROVIDER_FAILURE};
     *     an {@link IdeaException} thrown by the provider passes through unchanged
     */
    public <T> T call(String what, Supplier<T> action) {
        Future<T> future = executor.submit(action::get);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderException(ErrorCode.PROVIDER_TIMEOUT, what + " did not finish within " + timeout
                    + "; check the provider, or raise Idea.builder().providerTimeout(...)", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderException(ErrorCode.PROVIDER_FAILURE, what + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IdeaException ie) {
                throw ie;
            }
            throw new ProviderException(ErrorCode.PROVIDER_FAILURE, what + " failed: " + cause, cause);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
