package dev.idea.core.simulation;

/** Spec documents as text, for tests that edit one member. */
final class SpecTexts {
    private SpecTexts() {
    }

    /** A minimal valid spec: defaults left out. */
    static String minimal() {
        return """
            {"schema": "idea.simulation-spec.v1", "iterations": 1000, "seed": 1,
             "model": {"name": "m",
               "validators": [{"id": "checksum", "passProbability": 0.99}],
               "approvals": [{"id": "owner", "role": "product", "approveProbability": 0.9,
                              "delayHours": {"distribution": "fixed", "value": 1}, "timeoutHours": 4}],
               "rollout": {"targets": [{"name": "all", "labels": {"region": "eu"}, "count": 3, "passProbability": 0.99,
                                        "deployMinutes": {"distribution": "uniform", "min": 1, "max": 2}}],
                           "waves": [{"name": "all", "match": {}}],
                           "healthCheck": {"maxFailedPct": 0}}}}
            """;
    }
}
