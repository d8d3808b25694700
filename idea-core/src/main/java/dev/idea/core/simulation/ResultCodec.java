package dev.idea.core.simulation;

import dev.idea.api.simulation.ReadinessReport.ApprovalOutcome;
import dev.idea.api.simulation.ReadinessReport.Interval;
import dev.idea.api.simulation.ReadinessReport.ValidatorOutcome;
import dev.idea.api.simulation.RolloutDryRun;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads the {@code result} object of simulation records; stateless and thread-safe. */
final class ResultCodec {
    private ResultCodec() {
    }

    static JsonObject write(Outcome o) {
        List<JsonValue> validators = new ArrayList<>();
        for (ValidatorOutcome v : o.validators()) {
            validators.add(JsonObject.builder().put("id", v.id()).put("passed", v.passed())
                    .put("passPct", SpecCodec.num(v.passPct())).build());
        }
        List<JsonValue> approvals = new ArrayList<>();
        for (ApprovalOutcome a : o.approvals()) {
            approvals.add(JsonObject.builder().put("id", a.id()).put("granted", a.granted())
                    .put("grantedPct", SpecCodec.num(a.grantedPct()))
                    .put("meanDelayHours", SpecCodec.num(a.meanDelayHours())).build());
        }
        List<JsonValue> waves = new ArrayList<>();
        for (RolloutDryRun.WaveOutcome w : o.rollout().waves()) {
            waves.add(JsonObject.builder().put("name", w.name()).put("targets", w.targets()).put("reached", w.reached())
                    .put("failed", w.failed()).put("failureProbability", SpecCodec.num(w.failureProbability()))
                    .put("expectedDurationMinutes", SpecCodec.num(w.expectedDurationMinutes())).build());
        }
        RolloutDryRun r = o.rollout();
        return JsonObject.builder()
                .put("readyIterations", o.readyIterations())
                .put("readinessScore", SpecCodec.num(o.readinessScore()))
                .put("readinessScoreInterval", interval(o.readinessScoreInterval()))
                .put("policyPassIterations", o.policyPassIterations())
                .put("policyPassPct", SpecCodec.num(o.policyPassPct()))
                .put("policyPassPctInterval", interval(o.policyPassPctInterval()))
                .put("validators", new JsonArray(validators))
                .put("approvals", new JsonArray(approvals))
                .put("rollout", JsonObject.builder()
                        .put("succeeded", r.succeeded()).put("successPct", SpecCodec.num(r.successPct()))
                        .put("rolledBack", r.rolledBack()).put("rollbackPct", SpecCodec.num(r.rollbackPct()))
                        .put("halted", r.halted())
                        .put("expectedDurationMinutes", SpecCodec.num(r.expectedDurationMinutes()))
                        .put("waves", new JsonArray(waves)).build())
                .build();
    }

    private static JsonObject interval(Interval i) {
        return JsonObject.builder().put("lower", SpecCodec.num(i.lower())).put("upper", SpecCodec.num(i.upper())).build();
    }

    static Outcome read(Fields f) {
        List<ValidatorOutcome> validators = new ArrayList<>();
        for (Fields v : f.objects("validators", "id", "passed", "passPct")) {
            validators.add(new ValidatorOutcome(v.string("id"), v.integer("passed"), v.number("passPct")));
        }
        List<ApprovalOutcome> approvals = new ArrayList<>();
        for (Fields a : f.objects("approvals", "id", "granted", "grantedPct", "meanDelayHours")) {
            approvals.add(new ApprovalOutcome(a.string("id"), a.integer("granted"), a.number("grantedPct"),
                    a.number("meanDelayHours")));
        }
        Fields r = f.object("rollout", "succeeded", "successPct", "rolledBack", "rollbackPct", "halted",
                "expectedDurationMinutes", "waves");
        List<RolloutDryRun.WaveOutcome> waves = new ArrayList<>();
        for (Fields w : r.objects("waves", "name", "targets", "reached", "failed", "failureProbability",
                "expectedDurationMinutes")) {
            waves.add(new RolloutDryRun.WaveOutcome(w.string("name"), w.intValue("targets", 0), w.integer("reached"),
                    w.integer("failed"), w.number("failureProbability"), w.number("expectedDurationMinutes")));
        }
        RolloutDryRun rollout = new RolloutDryRun(r.integer("succeeded"), r.number("successPct"), r.integer("rolledBack"),
                r.number("rollbackPct"), r.integer("halted"), r.number("expectedDurationMinutes"), waves);
        return new Outcome(f.integer("readyIterations"), f.number("readinessScore"), interval(f, "readinessScoreInterval"),
                f.integer("policyPassIterations"), f.number("policyPassPct"), interval(f, "policyPassPctInterval"),
                validators, approvals, rollout);
    }

    private static Interval interval(Fields parent, String key) {
        Fields i = parent.object(key, "lower", "upper");
        double lower = i.number("lower");
        double upper = i.number("upper");
        if (!(lower <= upper)) {
            throw Fields.violation(i.path() + " has lower " + lower + " above upper " + upper);
        }
        return new Interval(lower, upper);
    }
}
