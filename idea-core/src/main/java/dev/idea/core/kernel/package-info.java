/**
 * The in-process kernel: signs manifests through the configured KMS and keeps a file-backed
 * registry of the signers it has used, so that manifests signed by earlier keys keep verifying.
 *
 * <p>{@link dev.idea.core.kernel.InProcessKernelProvider} is the only public type; it is registered
 * as a {@link dev.idea.spi.kernel.KernelProvider} service with id {@code in-process}.
 */
package dev.idea.core.kernel;
