package dev.codearena.arena.boundaries;

import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of docs/architecture.md as ArchUnit rules over a root package, so the
 * same rules run against the product ({@code dev.codearena}) and against a deliberately
 * violating fixture (to prove they can fail).
 */
final class ModuleBoundaries {

    private ModuleBoundaries() {
    }

    static ArchRule commandSideIsolated(String root) {
        return noClasses().that().resideInAPackage(root + ".command..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".query..", root + ".judge..", root + ".arena..")
                .because("command-side, query-side and judge-worker are deployed separately; only the arena assembles them");
    }

    static List<ArchRule> rules(String root) {
        String api = root + ".api..";
        String platform = root + ".platform..";
        String problems = root + ".problems..";
        String command = root + ".command..";
        String query = root + ".query..";
        String judge = root + ".judge..";
        String arena = root + ".arena..";
        return List.of(
                noClasses().that().resideInAPackage(api)
                        .should().dependOnClassesThat().resideInAnyPackage(platform, problems, command, query, judge, arena)
                        .because("events-api is the contract every module and client shares; it depends on no other module"),
                commandSideIsolated(root),
                noClasses().that().resideInAPackage(query)
                        .should().dependOnClassesThat().resideInAnyPackage(command, judge, arena)
                        .because("command-side, query-side and judge-worker are deployed separately; only the arena assembles them"),
                noClasses().that().resideInAPackage(judge)
                        .should().dependOnClassesThat().resideInAnyPackage(command, query, arena, platform)
                        .because("the judge worker talks to the rest only through Redis streams and uses no Axon infrastructure"),
                noClasses().that().resideInAnyPackage(platform, problems)
                        .should().dependOnClassesThat().resideInAnyPackage(command, query, judge, arena)
                        .because("shared infrastructure and the problem format sit below the services"));
    }
}
