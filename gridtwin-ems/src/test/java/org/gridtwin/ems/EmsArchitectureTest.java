package org.gridtwin.ems;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The live harness shares the dispatch port and the bus physics with the simulation, never the simulation. */
class EmsArchitectureTest {
    @Test
    void theLiveHarnessNeverUsesTheSimulationHarness() {
        noClasses().that().resideInAPackage("org.gridtwin.ems..").should().dependOnClassesThat()
                .resideInAnyPackage("org.gridtwin.sim..", "org.gridtwin.cli..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.gridtwin.ems"));
    }
}
