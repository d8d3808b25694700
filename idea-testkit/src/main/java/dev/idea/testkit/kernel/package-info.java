/**
 * A fake kernel for tests: {@link dev.idea.testkit.kernel.FakeKernelProvider} (id {@code fake})
 * opens a {@link dev.idea.testkit.kernel.FakeKernel} that signs correctly with its own JDK key and
 * can be told to fail, stall, sign wrongly or lose its signer.
 */
package dev.idea.testkit.kernel;
