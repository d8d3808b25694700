/** Service provider interface for package validators that inspect a safely unpacked package. */
module dev.idea.spi.validation {
    requires transitive dev.idea.api;

    exports dev.idea.spi.validation;
}
