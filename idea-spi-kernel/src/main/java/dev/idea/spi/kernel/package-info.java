/**
 * The kernel service provider interface: a {@link dev.idea.spi.kernel.KernelProvider} opens a
 * {@link dev.idea.spi.kernel.Kernel} that signs manifests (returning a {@code manifestSignatureId})
 * and answers signer-registry look-ups.
 *
 * <p>IDEA never trusts a kernel's word: every signature the kernel returns is verified against the
 * key its registry names. Plugin authors extend {@code KernelProviderContractTest} from
 * {@code idea-testkit}.
 */
package dev.idea.spi.kernel;
