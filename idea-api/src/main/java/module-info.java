/**
 * IDEA's public API: records, interfaces, the {@code Idea} entry point and the exception hierarchy.
 * Depends on the JDK only.
 */
module dev.idea.api {
    exports dev.idea.api;
    exports dev.idea.api.engine;
    exports dev.idea.api.simulation;

    uses dev.idea.api.engine.IdeaEngine;
}
