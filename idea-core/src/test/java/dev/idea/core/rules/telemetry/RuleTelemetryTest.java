package dev.idea.core.rules.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.rules.Policy;
import dev.idea.api.rules.RuleContext;
import dev.idea.api.rules.RuleException;
import dev.idea.api.rules.RulePlanner;
import dev.idea.api.rules.RulePlannerOptions;
import dev.idea.api.rules.RuleSelector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleTelemetryTest {

    /** A class loader that sees only the JDK: Micrometer is absent. */
    private static final ClassLoader JDK_ONLY = new ClassLoader(null) {
    };

    @Test
    void create_micrometerPresent_recordsPlansSelectedRulesFailuresAndLatency() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RulePlanner planner = RulePlanner.create(RulePlannerOptions.defaults().withMeterRegistry(registry));
        Policy policy = planner.policy("lksg.v1");
        RuleContext context = planner.readContext(Bytes.utf8("{\"supplier\":{\"id\":\"s\",\"mineral\":\"tin\"}}"));

        planner.plan(policy, context, RuleSelector.basic());
        planner.plan(policy, context, RuleSelector.basic());
        var weights = planner.readWeights(Bytes.utf8("rules:\n  - {id: no_sanctions, cost: 1}\n"), "w");
        assertThatThrownBy(() -> planner.plan(policy, context, RuleSelector.weighted(weights))).isInstanceOf(RuleException.class);

        assertThat(registry.get(MicrometerRuleTelemetry.PLANS).tag("selector", "basic").counter().count()).isEqualTo(2.0);
        assertThat(registry.get(MicrometerRuleTelemetry.SELECTED_RULES).counter().count()).isEqualTo(4.0);
        assertThat(registry.get(MicrometerRuleTelemetry.FAILURES).counter().count()).isEqualTo(1.0);
        assertThat(registry.get(MicrometerRuleTelemetry.LATENCY).timer().count()).isEqualTo(3);
    }

    @Test
    void create_micrometerAbsent_isNoop() {
        assertThat(RuleTelemetries.micrometerPresent(JDK_ONLY)).isFalse();
        assertThat(RuleTelemetries.micrometerPresent(RuleTelemetryTest.class.getClassLoader())).isTrue();
        assertThat(RuleTelemetries.create(null, JDK_ONLY)).isSameAs(NoopRuleTelemetry.INSTANCE);
        NoopRuleTelemetry.INSTANCE.planned("basic", 3, 10);
        NoopRuleTelemetry.INSTANCE.failed("basic", 10);
    }

    @Test
    void create_registryGivenButMicrometerAbsent_throwsConfigInvalid() {
        assertThatThrownBy(() -> RuleTelemetries.create(new SimpleMeterRegistry(), JDK_ONLY))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("add io.micrometer:micrometer-core")
                .satisfies(e -> assertThat(((ConfigurationException) e).errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID));
    }

    @Test
    void create_registryOfAnotherType_throwsConfigInvalid() {
        assertThatThrownBy(() -> RuleTelemetries.create("registry", RuleTelemetryTest.class.getClassLoader()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("java.lang.String, not an io.micrometer");
    }

    /** Runs the planner in a class loader built from this test's class path without any Micrometer jar. */
    @Test
    void plan_withoutMicrometerOnTheClassPath_works() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("micrometer") && !entry.contains("HdrHistogram") && !entry.contains("LatencyUtils")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> isolated.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> plannerType = isolated.loadClass("dev.idea.api.rules.RulePlanner");
            Class<?> bytesType = isolated.loadClass("dev.idea.api.Bytes");
            Object planner = plannerType.getMethod("create").invoke(null);
            Object policy = plannerType.getMethod("policy", String.class).invoke(planner, "lksg.v1");
            Object json = bytesType.getMethod("utf8", String.class).invoke(null, "{\"supplier\":{\"id\":\"s\"}}");
            Object context = plannerType.getMethod("readContext", bytesType).invoke(planner, json);
            Object selector = isolated.loadClass("dev.idea.api.rules.RuleSelector").getMethod("basic").invoke(null);
            Method plan = find(plannerType, "plan");
            Object result = plan.invoke(planner, policy, context, selector);
            assertThat(result.getClass().getMethod("activeRuleIds").invoke(result)).isEqualTo(List.of("no_sanctions"));
            assertThat(Set.of(isolated.loadClass("dev.idea.core.rules.telemetry.NoopRuleTelemetry").getEnumConstants())).hasSize(1);
        }
    }

    private static Method find(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no method " + name);
    }
}
