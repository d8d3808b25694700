/**
 * The kernel service provider interface: a {@link dev.idea.spi.kernel.KernelProvider} opens a
 * {@link dev.idea.spi.kernel.Kernel} that signs manifests (returning a {@code manifestSignatureId})
 * and answers signer-registry look-ups; a kernel may also draft, apply and roll back governed
 * upgrades of HIGH and CRITICAL manifests ({@code createUpgradeDraft}, {@code applyUpgrade},
 * {@code rollbackUpgrade}), which IDEA checks against its own count of approvals.
 *
 * <p>IDEA never trusts a kernel's word: every signature the kernel returns is verified against the
 * key its registry names. Plugin authors extend {@code KernelProviderContractTest} from
 * {@code idea-testkit}.
 */
package dev.idea.spi.kernel;
