package dev.idea.core.simulation;

import dev.idea.api.ErrorCode;
import dev.idea.api.simulation.ApprovalModel;
import dev.idea.api.simulation.DelayDistribution;
import dev.idea.api.simulation.ReadinessModel;
import dev.idea.api.simulation.RolloutPlan;
import dev.idea.api.simulation.SimulationException;
import dev.idea.api.simulation.SimulationSpec;
import dev.idea.api.simulation.Simulations;
import dev.idea.api.simulation.ValidatorModel;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonNumber;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes simulation specs ({@code docs/simulation.md}); stateless and thread-safe.
 *
 * <p>Writing is complete and explicit (every default spelled out), so a sparse spec and its explicit
 * form have the same model digest.
 */
final class SpecCodec {
    private SpecCodec() {
    }

    /** Reads a spec; {@code seedOverride} replaces the document's seed when not null. */
    static SimulationSpec read(JsonValue document, Long seedOverride) {
        Fields f = Fields.of(document, "$", "schema", "iterations", "seed", "parallelism", "model");
        String schema = f.string("schema");
        if (!Simulations.SPEC_SCHEMA.equals(schema)) {
            throw Fields.violation("$.schema is \"" + schema + "\"; this version reads \"" + Simulations.SPEC_SCHEMA + "\"");
        }
        long seed;
        if (seedOverride != null) {
            seed = seedOverride;
        } else if (f.has("seed")) {
            seed = seed(f, "seed");
        } else {
            throw new SimulationException(ErrorCode.SIMULATION_SPEC_INVALID,
                    "$.seed is missing; add \"seed\": 42 to the spec, or pass a seed (idea simulate --seed 42)");
        }
        long iterations = f.integer("iterations");
        if (iterations < 1 || iterations > SimulationSpec.MAX_ITERATIONS) {
            throw new SimulationException(ErrorCode.SIMULATION_ITERATIONS_INVALID, "iterations is " + iterations
                    + "; ask for 1 to " + SimulationSpec.MAX_ITERATIONS + " iterations (10000 gives readiness to about ±0.01)");
        }
        return new SimulationSpec(model(f.object("model", "name", "validators", "approvals", "rollout")), seed,
                (int) iterations, f.intValue("parallelism", 1));
    }

    static long seed(Fields f, String key) {
        JsonValue v = f.value(key);
        if (v instanceof JsonString s) {
            try {
                return Long.parseLong(s.value());
            } catch (NumberFormatException e) {
                throw new SimulationException(ErrorCode.SIMULATION_SPEC_INVALID, f.path() + "." + key + " \"" + s.value()
                        + "\" is not a decimal 64-bit integer; write e.g. 42 or \"-9223372036854775808\"", e);
            }
        }
        return f.integer(key);
    }

    private static ReadinessModel model(Fields m) {
        List<ValidatorModel> validators = new ArrayList<>();
        for (Fields v : m.objects("validators", "id", "passProbability", "required")) {
            validators.add(new ValidatorModel(v.string("id"), v.number("passProbability"), v.bool("required", true)));
        }
        List<ApprovalModel> approvals = new ArrayList<>();
        for (Fields a : m.objects("approvals", "id", "role", "approveProbability", "delayHours", "timeoutHours")) {
            approvals.add(new ApprovalModel(a.string("id"), a.string("role"), a.number("approveProbability"),
                    delay(a, "delayHours"), a.number("timeoutHours")));
        }
        return new ReadinessModel(m.string("name"), validators, approvals, rollout(m.object("rollout",
                "targets", "canary", "waves", "healthCheck", "haltOnError", "rollback")));
    }

    private static RolloutPlan rollout(Fields r) {
        List<RolloutPlan.TargetGroup> targets = new ArrayList<>();
        for (Fields t : r.objects("targets", "name", "labels", "count", "passProbability", "deployMinutes")) {
            targets.add(RolloutPlan.TargetGroup.of(t.string("name"), t.strings("labels"), t.intValue("count", 0),
                    t.number("passProbability"), delay(t, "deployMinutes")));
        }
        RolloutPlan.Canary canary = RolloutPlan.Canary.NONE;
        if (r.has("canary")) {
            Fields c = r.object("canary", "percent", "concurrency", "maxFailedPct", "bakeMinutes");
            canary = new RolloutPlan.Canary(c.number("percent"), c.intValue("concurrency", 1), c.number("maxFailedPct", 0),
                    c.number("bakeMinutes", 0));
        }
        List<RolloutPlan.Wave> waves = new ArrayList<>();
        for (Fields w : r.objects("waves", "name", "match", "concurrency", "bakeMinutes")) {
            waves.add(RolloutPlan.Wave.of(w.string("name"), w.strings("match"), w.intValue("concurrency", 1),
                    w.number("bakeMinutes", 0)));
        }
        double maxFailedPct = r.object("healthCheck", "maxFailedPct").number("maxFailedPct");
        List<RolloutPlan.RollbackTrigger> triggers = new ArrayList<>();
        double rollbackMinutes = 0;
        if (r.has("rollback")) {
            Fields rb = r.object("rollback", "triggers", "minutes");
            for (Fields t : rb.objects("triggers", "metric", "above")) {
                triggers.add(new RolloutPlan.RollbackTrigger(metric(t), t.number("above")));
            }
            rollbackMinutes = rb.number("minutes", 0);
        }
        return new RolloutPlan(targets, canary, waves, maxFailedPct, r.bool("haltOnError", true), triggers, rollbackMinutes);
    }

    private static RolloutPlan.Metric metric(Fields t) {
        String name = t.string("metric");
        for (RolloutPlan.Metric m : RolloutPlan.Metric.values()) {
            if (m.jsonName().equals(name)) {
                return m;
            }
        }
        throw new SimulationException(ErrorCode.SIMULATION_SPEC_INVALID, t.path() + ".metric \"" + name
                + "\" is unknown; use failedTargetsPct or failedWaves");
    }

    private static DelayDistribution delay(Fields parent, String key) {
        JsonValue v = parent.value(key);
        String path = parent.path() + "." + key;
        String kind = Fields.of(v, path, "distribution", "value", "min", "mode", "max", "mean", "median", "sigma")
                .string("distribution");
        switch (kind) {
            case "fixed":
                return new DelayDistribution.Fixed(Fields.of(v, path, "distribution", "value").number("value"));
            case "uniform": {
                Fields d = Fields.of(v, path, "distribution", "min", "max");
                return new DelayDistribution.Uniform(d.number("min"), d.number("max"));
            }
            case "triangular": {
                Fields d = Fields.of(v, path, "distribution", "min", "mode", "max");
                return new DelayDistribution.Triangular(d.number("min"), d.number("mode"), d.number("max"));
            }
            case "exponential":
                return new DelayDistribution.Exponential(Fields.of(v, path, "distribution", "mean").number("mean"));
            case "lognormal": {
                Fields d = Fields.of(v, path, "distribution", "median", "sigma");
                return new DelayDistribution.LogNormal(d.number("median"), d.number("sigma"));
            }
            default:
                throw new SimulationException(ErrorCode.SIMULATION_SPEC_INVALID, path + ".distribution \"" + kind
                        + "\" is unknown; use fixed, uniform, triangular, exponential or lognormal");
        }
    }

    /** Writes a spec; {@code withParallelism} false gives the form whose digest is the input digest. */
    static JsonObject write(SimulationSpec spec, boolean withParallelism) {
        JsonObject.Builder b = JsonObject.builder()
                .put("schema", Simulations.SPEC_SCHEMA)
                .put("iterations", spec.iterations())
                .put("seed", Long.toString(spec.seed()))
                .put("model", model(spec.model()));
        if (withParallelism) {
            b.put("parallelism", spec.parallelism());
        }
        return b.build();
    }

    static JsonObject model(ReadinessModel model) {
        List<JsonValue> validators = new ArrayList<>();
        for (ValidatorModel v : model.validators()) {
            validators.add(JsonObject.builder().put("id", v.id()).put("passProbability", num(v.passProbability()))
                    .put("required", v.required()).build());
        }
        List<JsonValue> approvals = new ArrayList<>();
        for (ApprovalModel a : model.approvals()) {
            approvals.add(JsonObject.builder().put("id", a.id()).put("role", a.role())
                    .put("approveProbability", num(a.approveProbability())).put("delayHours", delay(a.delayHours()))
                    .put("timeoutHours", num(a.timeoutHours())).build());
        }
        return JsonObject.builder().put("name", model.name()).put("validators", new JsonArray(validators))
                .put("approvals", new JsonArray(approvals)).put("rollout", rollout(model.rollout())).build();
    }

    private static JsonObject rollout(RolloutPlan plan) {
        List<JsonValue> targets = new ArrayList<>();
        for (RolloutPlan.TargetGroup t : plan.targets()) {
            targets.add(JsonObject.builder().put("name", t.name()).put("labels", strings(t.labels())).put("count", t.count())
                    .put("passProbability", num(t.passProbability())).put("deployMinutes", delay(t.deployMinutes())).build());
        }
        List<JsonValue> waves = new ArrayList<>();
        for (RolloutPlan.Wave w : plan.waves()) {
            waves.add(JsonObject.builder().put("name", w.name()).put("match", strings(w.match()))
                    .put("concurrency", w.concurrency()).put("bakeMinutes", num(w.bakeMinutes())).build());
        }
        List<JsonValue> triggers = new ArrayList<>();
        for (RolloutPlan.RollbackTrigger t : plan.rollbackTriggers()) {
            triggers.add(JsonObject.builder().put("metric", t.metric().jsonName()).put("above", num(t.above())).build());
        }
        RolloutPlan.Canary c = plan.canary();
        return JsonObject.builder()
                .put("targets", new JsonArray(targets))
                .put("canary", JsonObject.builder().put("percent", num(c.percent())).put("concurrency", c.concurrency())
                        .put("maxFailedPct", num(c.maxFailedPct())).put("bakeMinutes", num(c.bakeMinutes())).build())
                .put("waves", new JsonArray(waves))
                .put("healthCheck", JsonObject.builder().put("maxFailedPct", num(plan.maxFailedPct())).build())
                .put("haltOnError", plan.haltOnError())
                .put("rollback", JsonObject.builder().put("triggers", new JsonArray(triggers))
                        .put("minutes", num(plan.rollbackMinutes())).build())
                .build();
    }

    private static JsonObject delay(DelayDistribution d) {
        JsonObject.Builder b = JsonObject.builder().put("distribution", d.name());
        if (d instanceof DelayDistribution.Fixed f) {
            b.put("value", num(f.value()));
        } else if (d instanceof DelayDistribution.Uniform u) {
            b.put("min", num(u.min())).put("max", num(u.max()));
        } else if (d instanceof DelayDistribution.Triangular t) {
            b.put("min", num(t.min())).put("mode", num(t.mode())).put("max", num(t.max()));
        } else if (d instanceof DelayDistribution.Exponential e) {
            b.put("mean", num(e.mean()));
        } else if (d instanceof DelayDistribution.LogNormal l) {
            b.put("median", num(l.median())).put("sigma", num(l.sigma()));
        }
        return b.build();
    }

    private static JsonObject strings(Map<String, String> map) {
        JsonObject.Builder b = JsonObject.builder();
        map.forEach(b::put);
        return b.build();
    }

    static JsonNumber num(double value) {
        return new JsonNumber(value);
    }
}
