package dev.codearena.command.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.judge.Language;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.problem.ProblemDefinition;
import dev.codearena.problems.MaterializedProblem;
import dev.codearena.problems.ProblemSet;
import dev.codearena.problems.ProblemStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's own problem set maps onto the contract: modes, limits, tests, sabotage reference. */
class ProblemCatalogueLoaderTest {

    @TempDir
    Path store;

    @Test
    void sabotageProblemCarriesItsReadableReference() throws Exception {
        ProblemSet set = ProblemSet.load(Path.of("..", "problems"));
        dev.codearena.problems.ProblemDefinition source = set.problems().stream()
                .filter(p -> p.sabotageReference() != null).findFirst().orElseThrow();
        MaterializedProblem tests = new ProblemStore(store).materialize(source);

        ProblemDefinition contract = ProblemCatalogueLoader.toContract(tests);

        assertThat(contract.title()).isEqualTo(source.title());
        assertThat(contract.modes()).contains(MatchMode.SABOTAGE);
        assertThat(contract.timeLimitMs()).isEqualTo(source.limits().timeLimitMs());
        assertThat(contract.testsDir()).isEqualTo(source.slug() + "/" + source.version() + "/tests");
        assertThat(store.resolve(contract.testsDir())).isDirectory();
        assertThat(contract.testCount()).isEqualTo(tests.testNames().size()).isPositive();
        assertThat(contract.sabotageReference().source())
                .isEqualTo(Files.readString(source.directory().resolve(source.sabotageReference())));
        String file = source.sabotageReference().getFileName().toString();
        String extension = file.substring(file.lastIndexOf('.'));
        assertThat(contract.sabotageReference().language()).isEqualTo(java.util.Map.of(".py", Language.PYTHON3, ".cpp", Language.CPP17,
                ".c", Language.C11, ".java", Language.JAVA17, ".js", Language.JAVASCRIPT).get(extension));
    }
}
