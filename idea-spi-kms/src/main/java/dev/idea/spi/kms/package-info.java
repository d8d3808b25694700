/**
 * The KMS service provider interface: a {@link dev.idea.spi.kms.KmsProvider} opens a
 * {@link dev.idea.spi.kms.Kms} that signs with keys IDEA never sees.
 *
 * <p>Plugin authors implement {@code KmsProvider}, register it in {@code module-info}
 * ({@code provides}) and in {@code META-INF/services}, and extend {@code KmsProviderContractTest}
 * from {@code idea-testkit}.
 */
package dev.idea.spi.kms;
