/**
 * IDEA's public API: records, interfaces, the {@code Idea} entry point and the exception hierarchy.
 * Depends on the JDK only.
 */
module dev.idea.api {
    exports dev.idea.api;
    exports dev.idea.api.engine;
    exports dev.idea.api.governance;
    exports dev.idea.api.merkle;
    exports dev.idea.api.simulation;
    exports dev.idea.api.rules;
    exports dev.idea.api.identity;
    exports dev.idea.api.upgrade;
    exports dev.idea.api.guard;

    uses dev.idea.api.engine.IdeaEngine;
    uses dev.idea.api.rules.RulePlannerFactory;
    uses dev.idea.api.identity.IdentityVerifierFactory;
}
