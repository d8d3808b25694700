package dev.idea.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN.md rules 1, 2 and 6, and the house style, as executable rules over the production classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    /** Each third-party library and the package(s) of idea-core it may be used from (comma-separated). */
    private static final Map<String, String> CONFINEMENT = Map.of(
            "com.fasterxml.jackson..", "dev.idea.core.internal.json..",
            "org.bouncycastle..", "dev.idea.core.internal.crypto..",
            "com.nimbusds..", "dev.idea.core.internal.jose..",
            "org.apache.commons.rng..", "dev.idea.core.internal.simulation..",
            "com.github.benmanes.caffeine..", "dev.idea.core.rules..,dev.idea.core.internal.jose..",
            "org.snakeyaml..", "dev.idea.core.internal.yaml..",
            "io.micrometer..", "dev.idea.core.rules.telemetry..");

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/idea-testkit/") && !location.contains("idea-testkit-"))
                .importPackages("dev.idea");
    }

    @Test
    void api_dependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.idea.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.net.ssl..", "dev.idea.api..")
                .check(classes);
    }

    @Test
    void spis_dependOnTheApiAndTheJdkOnly() {
        for (String spi : new String[] {"kms", "storage", "kernel", "validation"}) {
            classes().that().resideInAPackage("dev.idea.spi." + spi + "..")
                    .should().onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", "dev.idea.api..", "dev.idea.spi." + spi + "..")
                    .check(classes);
        }
    }

    @Test
    void layers_pointOneWay() {
        noClasses().that().resideInAnyPackage("dev.idea.api..", "dev.idea.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.idea.core..", "dev.idea.kms..", "dev.idea.testkit..")
                .check(classes);
    }

    @Test
    void thirdPartyLibraries_areConfinedToTheirInternalPackage() {
        CONFINEMENT.forEach((library, home) -> noClasses()
                .that().resideInAPackage("dev.idea.core..").and().resideOutsideOfPackages(home.split(","))
                .should().dependOnClassesThat().resideInAPackage(library)
                .because(library + " is confined to " + home + " (DESIGN.md rule 2)")
                .allowEmptyShould(true)
                .check(classes));
    }

    @Test
    void corePackages_haveNoCycles() {
        slices().matching("dev.idea.core.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void modules_haveNoCycles() {
        slices().matching("dev.idea.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void libraryCode_neverPrintsOrSwallowsTraces() {
        ArchRule streams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
        streams.check(classes);
    }

    @Test
    void core_takesTimeAndRandomnessOnlyFromWhatIsInjected() {
        noClasses().that().resideInAPackage("dev.idea.core..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callConstructor(Random.class)
                .orShould().callMethod(Math.class, "random")
                .because("time comes from the injected Clock and randomness from explicit seeds (DESIGN.md rule 6)")
                .check(classes);
    }

    @Test
    void coreImplementations_areFinal() {
        classes().that().resideInAPackage("dev.idea.core..")
                .and().areNotInterfaces().and().areNotEnums().and().areNotAnonymousClasses()
                .and().areNotRecords()
                .and().doNotHaveSimpleName("package-info")
                .should().haveModifier(JavaModifier.FINAL)
                .check(classes);
    }
}
