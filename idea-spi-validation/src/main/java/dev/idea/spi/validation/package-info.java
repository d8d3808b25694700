/**
 * The package-validator service provider interface: a {@link dev.idea.spi.validation.PackageValidator}
 * inspects a {@link dev.idea.spi.validation.PackageView} (a package already unpacked safely into a
 * private sandbox) and returns a {@link dev.idea.spi.validation.ValidatorOutcome} of findings.
 *
 * <p>Validators are discovered with {@link java.util.ServiceLoader} and selected by id per package
 * type. They run in parallel, each under its own deadline; they must be deterministic, so that the same
 * package, validators and settings give a byte-identical validation report.
 */
package dev.idea.spi.validation;
