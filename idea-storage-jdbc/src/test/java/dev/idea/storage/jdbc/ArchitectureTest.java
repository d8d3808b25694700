package dev.idea.storage.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** House rules for this module's main classes. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.idea.storage.jdbc");

    @Test
    void hikari_isConfinedToOwnedPool() {
        noClasses().that().doNotHaveSimpleName("OwnedPool")
                .should().dependOnClassesThat().resideInAPackage("com.zaxxer.hikari..")
                .check(MAIN);
    }

    @Test
    void driver_isNeverReferencedDirectly() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.postgresql..").check(MAIN);
    }

    @Test
    void onlyTheProviderIsPublicAndEveryClassIsFinal() {
        classes().that().arePublic().should().haveSimpleName("JdbcStorageProvider").check(MAIN);
        classes().that().areNotInterfaces().and().areNotRecords().and().areNotNestedClasses()
                .should().haveModifier(JavaModifier.FINAL).check(MAIN);
    }

    @Test
    void noStandardStreamsOrStackTraces() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
    }
}
