package dev.codearena.command.match;

import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.JudgeSpec;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.match.RecordVerdictCommand;
import dev.codearena.api.match.ReferenceSolution;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.match.SubmitSolutionCommand;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.command.support.EventMatchers;
import dev.codearena.command.support.FixtureClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.hamcrest.Matcher;

/** Names and builders shared by the Match specifications. */
final class MatchScenario {

    static final MatchId MATCH = MatchId.of("m-1");
    static final PlayerId ALICE = PlayerId.of("alice");
    static final PlayerId BOB = PlayerId.of("bob");
    static final PlayerId CAROL = PlayerId.of("carol");
    static final PlayerId DAVE = PlayerId.of("dave");
    static final PlayerId ERIN = PlayerId.of("erin");
    static final ProblemId P1 = ProblemId.of("p1");
    static final ProblemId P2 = ProblemId.of("p2");
    static final ProblemId P3 = ProblemId.of("p3");
    static final JudgeSpec JUDGE = new JudgeSpec("p/v1/tests", CheckerSpec.TOKENS, 1000, 256);
    static final String REFERENCE = "n = int(input())\nprint(n * 2)\n";
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    /** Creation at T0, default 10 s countdown. */
    static final Instant START = T0.plusSeconds(10);

    private MatchScenario() {
    }

    static AggregateTestFixture<Match> fixture() {
        AggregateTestFixture<Match> fixture = new AggregateTestFixture<>(Match.class);
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
        return fixture;
    }

    static MatchPlayer player(PlayerId id) {
        return new MatchPlayer(id, id.value(), 1500, 20, 1500, 20);
    }

    static MatchProblem problem(ProblemId id, int points) {
        return new MatchProblem(id, 1, "Problem " + id, 1, points, JUDGE, null);
    }

    static MatchProblem sabotageProblem() {
        return new MatchProblem(P1, 1, "Double it", 1, 0, JUDGE, new ReferenceSolution(Language.PYTHON3, REFERENCE));
    }

    static MatchCreated created(MatchMode mode, MatchSettings settings, List<PlayerId> players, MatchProblem... problems) {
        return new MatchCreated(MATCH, mode, settings, players.stream().map(MatchScenario::player).toList(),
                Arrays.asList(problems), T0, START);
    }

    static MatchStarted started(MatchPhase phase, long seconds) {
        return new MatchStarted(MATCH, phase, START, START.plusSeconds(seconds));
    }

    static OpenMatchCommand open(MatchMode mode, MatchSettings settings, List<PlayerId> players, MatchProblem... problems) {
        return new OpenMatchCommand(MATCH, mode, settings, players.stream().map(MatchScenario::player).toList(),
                Arrays.asList(problems));
    }

    static SubmissionId sub(String id) {
        return SubmissionId.of(id);
    }

    static SubmitSolutionCommand submit(String id, PlayerId player, ProblemId problem, String source) {
        return new SubmitSolutionCommand(MATCH, sub(id), player, problem, Language.PYTHON3, source);
    }

    static SubmissionReceived received(String id, PlayerId player, ProblemId problem, Instant at, String source) {
        return new SubmissionReceived(MATCH, sub(id), player, problem, 1, SubmissionKind.SOLUTION, Language.PYTHON3,
                source, source.getBytes(StandardCharsets.UTF_8).length, JUDGE, at);
    }

    static SubmissionReceived received(String id, PlayerId player, ProblemId problem, Instant at) {
        return received(id, player, problem, at, "print(42)");
    }

    static RecordVerdictCommand verdict(String id, Verdict verdict) {
        return new RecordVerdictCommand(MATCH, sub(id), verdict, verdict != Verdict.CE, verdict == Verdict.AC ? 10 : 3, 10,
                null, 1);
    }

    static SubmissionJudged judged(String id, PlayerId player, ProblemId problem, Verdict verdict, int bytes, Instant at) {
        return new SubmissionJudged(MATCH, sub(id), player, problem, verdict, verdict == Verdict.AC ? 10 : 3, 10, null, bytes, at);
    }

    static SubmissionJudged judged(String id, PlayerId player, ProblemId problem, Verdict verdict, Instant at) {
        return judged(id, player, problem, verdict, "print(42)".length(), at);
    }

    /** MatchEnded with this reason and these standings, whose rating changes sum to zero. */
    static Matcher<MatchEnded> ended(EndReason reason, Standing... standings) {
        List<Standing> expected = List.of(standings);
        return EventMatchers.payload(MatchEnded.class, reason + " " + expected, e -> e.reason() == reason
                && e.standings().equals(expected)
                && e.ratingChanges().size() == expected.size()
                && e.ratingChanges().stream().mapToInt(RatingChange::delta).sum() == 0
                && e.ratingChanges().stream().mapToInt(RatingChange::overallDelta).sum() == 0);
    }

    static Standing standing(PlayerId player, int place, int score, Instant decisiveAt) {
        return new Standing(player, place, score, decisiveAt, false);
    }

    static Matcher<List<? super org.axonframework.eventhandling.EventMessage<?>>> events(Object... expected) {
        return EventMatchers.payloads(expected);
    }

    /** A deadline manager for specifications that invoke a deadline handler directly. */
    static StubDeadlineManager deadlines(Instant now) {
        return new StubDeadlineManager(now);
    }
}
