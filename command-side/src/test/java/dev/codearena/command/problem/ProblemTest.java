package dev.codearena.command.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.Language;
import dev.codearena.api.match.JudgeSpec;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.ReferenceSolution;
import dev.codearena.api.problem.ImportProblemCommand;
import dev.codearena.api.problem.ProblemDefinition;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.problem.ProblemRetired;
import dev.codearena.api.problem.ProblemVersionPublished;
import dev.codearena.api.problem.RetireProblemCommand;
import dev.codearena.command.support.FixtureClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProblemTest {

    static final ProblemId ID = ProblemId.of("two-sum");
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final ProblemDefinition V1 = definition("two-sum/aaa/tests");
    static final ProblemDefinition V2 = definition("two-sum/bbb/tests");

    static ProblemDefinition definition(String tests) {
        return new ProblemDefinition("Two Sum", 2, List.of("arrays"), 1000, 256, CheckerSpec.TOKENS,
                Set.of(MatchMode.BLITZ, MatchMode.SABOTAGE), "# Two Sum", tests, 12,
                new ReferenceSolution(Language.PYTHON3, "print(sum(map(int, input().split())))\n"));
    }

    private AggregateTestFixture<Problem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Problem.class);
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
    }

    @Test
    void firstImportPublishesVersionOne() {
        fixture.givenCurrentTime(T0)
                .when(new ImportProblemCommand(ID, "aaa", V1))
                .expectEvents(new ProblemVersionPublished(ID, 1, "aaa", V1, T0))
                .expectResultMessagePayload(1L);
    }

    @Test
    void importingTheSameContentAgainRecordsNothing() {
        fixture.givenCurrentTime(T0).andGiven(new ProblemVersionPublished(ID, 1, "aaa", V1, T0))
                .when(new ImportProblemCommand(ID, "aaa", V1))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void changedContentBecomesTheNextVersion() {
        fixture.givenCurrentTime(T0).andGiven(new ProblemVersionPublished(ID, 1, "aaa", V1, T0))
                .when(new ImportProblemCommand(ID, "bbb", V2))
                .expectEvents(new ProblemVersionPublished(ID, 2, "bbb", V2, T0))
                .expectResultMessagePayload(2L);
    }

    @Test
    void invalidDefinitionIsRefused() {
        ProblemDefinition bad = new ProblemDefinition("", 9, List.of(), 1000, 256, CheckerSpec.TOKENS,
                Set.of(MatchMode.SABOTAGE), "", "x/tests", 1, null);
        fixture.givenCurrentTime(T0)
                .when(new ImportProblemCommand(ID, "ccc", bad))
                .expectException(CodeArenaException.class)
                .expectNoEvents();
    }

    @Test
    void retiredProblemStaysRetiredWhenReimportedUnchanged() {
        fixture.givenCurrentTime(T0)
                .andGiven(new ProblemVersionPublished(ID, 1, "aaa", V1, T0), new ProblemRetired(ID, "leaked", T0))
                .when(new ImportProblemCommand(ID, "aaa", V1))
                .expectNoEvents();
    }

    @Test
    void retire() {
        fixture.givenCurrentTime(T0).andGiven(new ProblemVersionPublished(ID, 1, "aaa", V1, T0))
                .when(new RetireProblemCommand(ID, "leaked"))
                .expectEvents(new ProblemRetired(ID, "leaked", T0));
    }

    @Test
    void matchPinsTheCurrentVersion() {
        Problem problem = new Problem();
        problem.on(new ProblemVersionPublished(ID, 1, "aaa", V1, T0));
        problem.on(new ProblemVersionPublished(ID, 2, "bbb", V2, T0));
        MatchProblem pinned = problem.pinFor(MatchMode.BLITZ, 300);
        assertThat(pinned.version()).isEqualTo(2);
        assertThat(pinned.judge()).isEqualTo(new JudgeSpec("two-sum/bbb/tests", CheckerSpec.TOKENS, 1000, 256));
        assertThat(pinned.points()).isEqualTo(300);
        assertThat(pinned.sabotageReference()).isNull();
        assertThat(problem.pinFor(MatchMode.SABOTAGE, 0).sabotageReference()).isEqualTo(V2.sabotageReference());
        assertThatThrownBy(() -> problem.pinFor(MatchMode.GOLF, 0)).isInstanceOf(CodeArenaException.class);
    }
}
