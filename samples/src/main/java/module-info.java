/**
 * Runnable examples of a host application embedding IDEA. Needs only the API at compile time; the
 * implementation (idea-core) and a KMS provider (idea-kms-local) are found at run time as services.
 */
module dev.idea.samples {
    requires dev.idea.api;
}
