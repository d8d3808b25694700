/** Service provider interface for key management systems that sign on IDEA's behalf. */
module dev.idea.spi.kms {
    requires transitive dev.idea.api;

    exports dev.idea.spi.kms;
}
