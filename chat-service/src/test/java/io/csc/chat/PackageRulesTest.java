package io.csc.chat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package map of chat-service as rules on its compiled classes (README "Packages"). A change that breaks one fails
 * the build with the offending dependency named.
 */
@AnalyzeClasses(packages = "io.csc.chat", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    /** Each first-level package is one slice; a package imports another only in one direction. */
    @ArchTest
    static final ArchRule no_package_cycle = slices().matching("io.csc.chat.(*)..").should().beFreeOfCycles();

    /**
     * The store (conversations, their messages and the dialogue state kept with them) knows nothing of the turn that
     * writes it, of the assistants or of their tools.
     */
    @ArchTest
    static final ArchRule the_store_does_not_depend_on_the_turn = noClasses().that()
            .resideInAPackage("io.csc.chat.conversation..")
            .should().dependOnClassesThat().resideInAnyPackage("io.csc.chat.turn..", "io.csc.chat.builtin..",
                    "io.csc.chat.llm..", "io.csc.chat.tools..", "io.csc.chat.action..", "io.csc.chat.gate..",
                    "io.csc.chat.cards..", "io.csc.chat.handoff..", "io.csc.chat.api..");

    /** The routes sit on top: nothing calls into {@code api}. */
    @ArchTest
    static final ArchRule nobody_depends_on_api = noClasses().that().resideOutsideOfPackage("io.csc.chat.api..")
            .should().dependOnClassesThat().resideInAPackage("io.csc.chat.api..");

    /** The clients of the other services are plumbing: they know their wire shapes and config, no capability. */
    @ArchTest
    static final ArchRule clients_depend_on_no_capability = classes().that().resideInAPackage("io.csc.chat.client..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.csc.chat..")
                    .or(resideInAnyPackage("io.csc.chat.client..", "io.csc.chat.config..")));

    /** The assistants are two implementations of the turn's port: neither knows the other. */
    @ArchTest
    static final ArchRule the_assistants_do_not_know_each_other = noClasses().that().resideInAPackage("io.csc.chat.llm..")
            .should().dependOnClassesThat().resideInAPackage("io.csc.chat.builtin..");

    @ArchTest
    static final ArchRule the_built_in_assistant_does_not_know_the_model = noClasses().that()
            .resideInAPackage("io.csc.chat.builtin..").should().dependOnClassesThat().resideInAPackage("io.csc.chat.llm..");

    /** What the assistants call (tools, the gate, pending actions) runs no assistant and no turn. */
    @ArchTest
    static final ArchRule tools_run_no_assistant = noClasses().that()
            .resideInAnyPackage("io.csc.chat.tools..", "io.csc.chat.gate..", "io.csc.chat.action..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.csc.chat.turn..", "io.csc.chat.builtin..", "io.csc.chat.llm..");
}
