package org.gridtwin.cli;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point downward only: model ← physics ← dispatch ← sim / ems ← server ← cli; store stands alone
 * (docs/architecture.md).
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.gridtwin");

    @Test
    void modelDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("org.gridtwin.model..").should().dependOnClassesThat()
                .resideInAnyPackage("org.gridtwin.physics..", "org.gridtwin.dispatch..", "org.gridtwin.sim..",
                        "org.gridtwin.cli..")
                .check(CLASSES);
    }

    @Test
    void physicsKnowsNothingOfDispatchSimOrCli() {
        noClasses().that().resideInAPackage("org.gridtwin.physics..").should().dependOnClassesThat()
                .resideInAnyPackage("org.gridtwin.dispatch..", "org.gridtwin.sim..", "org.gridtwin.cli..")
                .check(CLASSES);
    }

    @Test
    void dispatchNeverUsesTheSimulationHarness() {
        // the live harness reuses dispatch unchanged, so dispatch must not reach into sim
        noClasses().that().resideInAPackage("org.gridtwin.dispatch..").should().dependOnClassesThat()
                .resideInAnyPackage("org.gridtwin.sim..", "org.gridtwin.cli..")
                .check(CLASSES);
    }

    @Test
    void simDoesNotUseTheCommandLine() {
        noClasses().that().resideInAPackage("org.gridtwin.sim..").should().dependOnClassesThat()
                .resideInAnyPackage("org.gridtwin.cli..").check(CLASSES);
    }

    @Test
    void simAndTheLiveSideDoNotUseTheServer() {
        noClasses().that().resideInAnyPackage("org.gridtwin.sim..", "org.gridtwin.ems..", "org.gridtwin.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gridtwin.server..", "org.gridtwin.cli..")
                .check(CLASSES);
    }

    @Test
    void theServerDoesNotUseTheCommandLine() {
        noClasses().that().resideInAPackage("org.gridtwin.server..").should().dependOnClassesThat()
                .resideInAnyPackage("org.gridtwin.cli..").check(CLASSES);
    }

    @Test
    void theStoreKnowsNoDomainPackage() {
        // a store holds numbers by site id: any other implementation (PostgreSQL) needs nothing else
        noClasses().that().resideInAPackage("org.gridtwin.store..").should().dependOnClassesThat()
                .resideInAnyPackage("org.gridtwin.model..", "org.gridtwin.physics..", "org.gridtwin.dispatch..",
                        "org.gridtwin.sim..", "org.gridtwin.ems..")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.gridtwin.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
