package io.csc.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The service's packages import each other in one direction only, and nothing calls into the routes. */
@AnalyzeClasses(packages = "io.csc.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    @ArchTest
    static final ArchRule no_package_cycle = slices().matching("io.csc.gateway.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nobody_depends_on_api = noClasses().that().resideOutsideOfPackage("io.csc.gateway.api..")
            .should().dependOnClassesThat().resideInAPackage("io.csc.gateway.api..");
}
