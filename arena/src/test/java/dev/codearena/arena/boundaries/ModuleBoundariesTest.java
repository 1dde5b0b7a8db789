package dev.codearena.arena.boundaries;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checks every production class of every module (the arena's classpath holds them all). */
class ModuleBoundariesTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.codearena");
    }

    @Test
    void productionCodeKeepsTheModuleBoundaries() {
        assertThat(production.containPackage("dev.codearena.api")).as("events-api classes imported").isTrue();
        assertThat(production.containPackage("dev.codearena.platform")).as("platform classes imported").isTrue();
        assertThat(production.containPackage("dev.codearena.judge")).as("judge-worker classes imported").isTrue();
        for (ArchRule rule : ModuleBoundaries.rules("dev.codearena")) {
            rule.check(production);
        }
    }

    @Test
    void aCommandSideClassUsingTheQuerySideIsRejected() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.codearena.arena.boundaries.fixture");
        assertThat(fixture.containPackage("dev.codearena.arena.boundaries.fixture.command")).isTrue();

        assertThatThrownBy(() -> ModuleBoundaries.commandSideIsolated("dev.codearena.arena.boundaries.fixture").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("fixture.command.SneakyHandler")
                .hasMessageContaining("fixture.query.Leaderboard");
    }

    @Test
    void everyRuleCatchesItsOwnViolation() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.codearena.arena.boundaries.fixture");
        long failing = ModuleBoundaries.rules("dev.codearena.arena.boundaries.fixture").stream()
                .filter(rule -> rule.evaluate(fixture).hasViolation())
                .count();
        assertThat(failing).as("rules violated by the fixture (one violation planted per rule)")
                .isEqualTo(ModuleBoundaries.rules("dev.codearena.arena.boundaries.fixture").size());
    }
}
