package dev.idea.testkit.kernel;

import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.ProviderException;
import dev.idea.spi.kernel.KernelContext;
import dev.idea.spi.kernel.KernelProvider;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The kernel provider with id {@value #ID}: every {@link #open} returns the same configurable
 * {@link FakeKernel}, so a test can keep the provider, hand it to
 * {@code Idea.builder().provider(…)} and steer the kernel through {@link #kernel()}.
 *
 * <p>A provider found by {@link java.util.ServiceLoader} is a new instance the test cannot reach;
 * pass the provider object in code when the test needs to configure it.
 *
 * <p>Thread-safe.
 *
 * <p>Security guarantees: none; this is a test double. Never deploy it.
 *
 * @since 0.1
 */
public final class FakeKernelProvider implements KernelProvider {

    /** The provider id. */
    public static final String ID = "fake";

    private final FakeKernel kernel;
    private final List<KernelContext> contexts = new CopyOnWriteArrayList<>();
    private volatile Supplier<? extends IdeaException> openFailure;

    /** Creates a provider with a new Ed25519 {@link FakeKernel}; used by {@link java.util.ServiceLoader}. */
    public FakeKernelProvider() {
        this(new FakeKernel());
    }

    /**
     * Creates a provider that opens the given kernel.
     *
     * @param kernel the kernel every {@link #open} returns
     */
    public FakeKernelProvider(FakeKernel kernel) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Returns the kernel (re-opened if it was closed), after recording the context.
     *
     * @param context any context; the fake needs no signing key or data directory
     * @return the provider's kernel
     * @throws IdeaException the failure set by {@link #failOpen}, if any
     */
    @Override
    public FakeKernel open(KernelContext context) {
        contexts.add(Objects.requireNonNull(context, "context"));
        Supplier<? extends IdeaException> failure = openFailure;
        if (failure != null) {
            throw failure.get();
        }
        kernel.reopen();
        return kernel;
    }

    /**
     * Returns the kernel this provider opens.
     *
     * @return the kernel
     */
    public FakeKernel kernel() {
        return kernel;
    }

    /**
     * Returns the contexts {@link #open} was called with, oldest first.
     *
     * @return a snapshot
     */
    public List<KernelContext> openedWith() {
        return List.copyOf(contexts);
    }

    /**
     * Makes every following {@link #open} throw {@code failure}; {@code null} lets it succeed again.
     *
     * @param failure the exception to throw, or null
     */
    public void failOpen(IdeaException failure) {
        openFailure = failure == null ? null : () -> failure;
    }

    /**
     * Makes every following {@link #open} throw a {@link ProviderException} with {@code code}.
     *
     * @param code the error code
     */
    public void failOpen(ErrorCode code) {
        Objects.requireNonNull(code, "code");
        openFailure = () -> new ProviderException(code, "the fake kernel provider was told to fail open() with "
                + code.name() + "; call failOpen(null) to let it open");
    }
}
