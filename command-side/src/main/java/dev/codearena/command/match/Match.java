package dev.codearena.command.match;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.match.CancelMatchCommand;
import dev.codearena.api.match.ConfirmMatchFinalisedCommand;
import dev.codearena.api.match.EliminationReason;
import dev.codearena.api.match.EndReason;
import dev.codearena.api.match.ForfeitMatchCommand;
import dev.codearena.api.match.GolfBestImproved;
import dev.codearena.api.match.LeaveMatchCommand;
import dev.codearena.api.match.MatchCancelled;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchFinalised;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.MembershipOutcome;
import dev.codearena.api.match.PlayerEliminated;
import dev.codearena.api.match.PlayerForfeited;
import dev.codearena.api.match.PlayerJoinRefused;
import dev.codearena.api.match.PlayerJoined;
import dev.codearena.api.match.PlayerLeaveRefused;
import dev.codearena.api.match.PlayerLeft;
import dev.codearena.api.match.ProblemLocked;
import dev.codearena.api.match.ProblemSolved;
import dev.codearena.api.match.RecordVerdictCommand;
import dev.codearena.api.match.RepairAssignment;
import dev.codearena.api.match.RepairPhaseStarted;
import dev.codearena.api.match.RepairSucceeded;
import dev.codearena.api.match.RoundEnded;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.SabotageAccepted;
import dev.codearena.api.match.SabotageRefused;
import dev.codearena.api.match.SabotageSubmitted;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.Standings;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.match.SubmissionOutcome;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.match.SubmissionRefused;
import dev.codearena.api.match.SubmitSabotageCommand;
import dev.codearena.api.match.SubmitSolutionCommand;
import dev.codearena.api.match.TimeUp;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.rating.EloRatings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One match of any mode. The lifecycle (countdown, timed periods, closing, end, finalisation) is shared;
 * the rules of each mode live in the sections marked below. Everything is decided on the server's
 * clock, which handlers receive as a parameter (a {@link Clock} bean; the fixture's clock in tests).
 *
 * <p>Timed periods: Blitz and Golf have one (the match), Battle Royale one per round, Sabotage two
 * (sabotage, repair). When a period's deadline fires the match emits {@link TimeUp} and stops taking
 * submissions, then waits for the verdicts of submissions received in time (at most
 * {@link MatchSettings#closingGraceSeconds()}; any still missing then are recorded as IE) before it
 * applies the period's outcome. So a verdict's arrival time never decides anything: only the order in
 * which the server received the submissions does.
 *
 * <p>Refused submissions are events ({@link SubmissionRefused}, {@link SabotageRefused}) with an
 * {@link ErrorCode}; other refused commands throw {@link CodeArenaException}.
 */
@Aggregate(cache = "matchCache", commandTargetResolver = "matchTargetResolver")
public class Match {

    @AggregateIdentifier
    private MatchId matchId;
    private MatchMode mode;
    private MatchSettings settings;
    private MatchPhase phase;
    /** Phase that was running when time was up (valid while {@code phase == CLOSING}). */
    private MatchPhase closingFrom;
    private int period;
    private Instant periodStartedAt;
    private Instant periodEndsAt;
    private boolean finalised;

    private final Map<PlayerId, Contestant> contestants = new LinkedHashMap<>();
    private final List<MatchProblem> problems = new ArrayList<>();
    /** Received submissions in the order the server received them. */
    private final Map<SubmissionId, Submission> submissions = new LinkedHashMap<>();
    private final Map<SubmissionId, ErrorCode> refusals = new HashMap<>();

    // Blitz
    private final Map<ProblemId, PlayerId> locks = new HashMap<>();
    // Battle Royale
    private int round;
    private ProblemId roundProblem;
    private final Map<PlayerId, Instant> roundSolvedAt = new LinkedHashMap<>();
    // Sabotage
    private final Map<PlayerId, RepairAssignment> repairs = new HashMap<>();

    /** Required by Axon to rebuild the aggregate from its events. */
    protected Match() {
    }

    @CommandHandler
    public Match(OpenMatchCommand command, Clock clock, DeadlineManager deadlines) {
        List<String> violations = command.settings().violations(command.mode());
        if (!violations.isEmpty()) {
            throw CodeArenaException.invalid(ErrorCode.INVALID_MATCH_SETTINGS, String.join("; ", violations));
        }
        int players = command.players().size();
        if (players < command.settings().minPlayers() || players > command.settings().maxPlayers()
                || command.players().stream().map(MatchPlayer::playerId).distinct().count() != players) {
            throw CodeArenaException.invalid(ErrorCode.INVALID_ROSTER, command.mode() + " takes "
                    + command.settings().minPlayers() + ".." + command.settings().maxPlayers() + " distinct players");
        }
        int needed = command.settings().problemCount(command.mode());
        if (command.problems().size() != needed
                || command.problems().stream().map(MatchProblem::problemId).distinct().count() != needed) {
            throw CodeArenaException.invalid(ErrorCode.INVALID_MATCH_SETTINGS,
                    "these settings need " + needed + " distinct problems, got " + command.problems().size());
        }
        if (command.mode() == MatchMode.SABOTAGE && command.problems().get(0).sabotageReference() == null) {
            throw CodeArenaException.invalid(ErrorCode.PROBLEM_NOT_FOR_MODE, "the problem has no sabotage reference");
        }
        Instant now = clock.instant();
        Instant startsAt = now.plusSeconds(command.settings().startDelaySeconds());
        apply(new MatchCreated(command.matchId(), command.mode(), command.settings(), command.players(),
                command.problems(), now, startsAt));
        deadlines.schedule(startsAt, MatchDeadlines.START, new MatchDeadlines.Period(0));
    }

    // ------------------------------------------------------------------ lifecycle

    @DeadlineHandler(deadlineName = MatchDeadlines.START)
    void onStartDeadline(MatchDeadlines.Period countdown, Clock clock, DeadlineManager deadlines) {
        if (phase != MatchPhase.SCHEDULED) {
            return;
        }
        Instant now = clock.instant();
        switch (mode) {
            case BLITZ, GOLF -> {
                Instant endsAt = now.plusSeconds(settings.durationSeconds());
                apply(new MatchStarted(matchId, MatchPhase.RUNNING, now, endsAt));
                schedulePeriodEnd(deadlines, endsAt);
            }
            case BATTLE_ROYALE -> {
                Instant endsAt = now.plusSeconds(settings.roundSeconds().get(0));
                apply(new MatchStarted(matchId, MatchPhase.ROUND, now, endsAt));
                apply(new RoundStarted(matchId, 1, problems.get(0).problemId(), now, endsAt, activePlayers()));
                schedulePeriodEnd(deadlines, endsAt);
            }
            case SABOTAGE -> {
                Instant endsAt = now.plusSeconds(settings.sabotageSeconds());
                apply(new MatchStarted(matchId, MatchPhase.SABOTAGE, now, endsAt));
                schedulePeriodEnd(deadlines, endsAt);
            }
        }
    }

    @DeadlineHandler(deadlineName = MatchDeadlines.PERIOD_END)
    void onPeriodEnd(MatchDeadlines.Period due, Clock clock, DeadlineManager deadlines) {
        if (due.number() != period || !isTimedPhase(phase)) {
            return;
        }
        Instant now = clock.instant();
        apply(new TimeUp(matchId, phase, period, now, now.plusSeconds(settings.closingGraceSeconds())));
        if (hasPendingSubmissions()) {
            deadlines.schedule(Duration.ofSeconds(settings.closingGraceSeconds()), MatchDeadlines.GRACE_END,
                    new MatchDeadlines.Period(period));
        } else {
            finishPeriod(now, deadlines);
        }
    }

    @DeadlineHandler(deadlineName = MatchDeadlines.GRACE_END)
    void onGraceEnd(MatchDeadlines.Period due, Clock clock, DeadlineManager deadlines) {
        if (due.number() != period || phase != MatchPhase.CLOSING) {
            return;
        }
        Instant now = clock.instant();
        for (Submission pending : List.copyOf(submissions.values())) {
            if (pending.verdict == null) {
                recordVerdict(pending, Verdict.IE, false, 0, 0, "not judged before the grace period ended", now, deadlines);
            }
        }
        if (phase == MatchPhase.CLOSING) {
            finishPeriod(now, deadlines);
        }
    }

    @CommandHandler
    void handle(ForfeitMatchCommand command, Clock clock, DeadlineManager deadlines) {
        Contestant contestant = contestantOf(command.playerId());
        if (phase == MatchPhase.ENDED || phase == MatchPhase.CANCELLED) {
            throw CodeArenaException.rule(ErrorCode.MATCH_ENDED);
        }
        if (contestant.forfeited) {
            return;
        }
        Instant now = clock.instant();
        apply(new PlayerForfeited(matchId, command.playerId(), now));
        if (phase == MatchPhase.SCHEDULED) {
            if (activePlayers().size() < settings.minPlayers()) {
                apply(new MatchCancelled(matchId, "not enough players left before the start", now));
                deadlines.cancelAllWithinScope(MatchDeadlines.START);
            }
            return;
        }
        if (mode == MatchMode.BATTLE_ROYALE && !contestant.eliminated) {
            apply(new PlayerEliminated(matchId, command.playerId(), round, EliminationReason.FORFEIT, now));
        }
        if (activePlayers().size() <= 1) {
            endMatch(mode == MatchMode.BATTLE_ROYALE ? EndReason.LAST_PLAYER_STANDING : EndReason.FORFEIT, now, deadlines);
        }
    }

    // ------------------------------------------------------------------ roster before the start

    @CommandHandler
    MembershipOutcome handle(AdmitPlayerCommand command, Clock clock) {
        PlayerId playerId = command.player().playerId();
        Contestant existing = contestants.get(playerId);
        Refusal refusal;
        if (phase != MatchPhase.SCHEDULED) {
            refusal = notBeforeStart();
        } else if (existing != null) {
            refusal = existing.forfeited ? new Refusal(ErrorCode.PLAYER_FORFEITED, null)
                    : new Refusal(ErrorCode.ALREADY_IN_MATCH, null);
        } else if (contestants.size() >= settings.maxPlayers()) {
            refusal = new Refusal(ErrorCode.MATCH_FULL, mode + " match of at most " + settings.maxPlayers() + " players");
        } else {
            refusal = null;
        }
        Instant now = clock.instant();
        if (refusal != null) {
            apply(new PlayerJoinRefused(matchId, playerId, refusal.code(), refusal.detail(), now));
            return MembershipOutcome.refused(refusal.code(), refusal.detail());
        }
        apply(new PlayerJoined(matchId, command.player(), now));
        return MembershipOutcome.done();
    }

    /** Leaving before the start takes the player off the roster; below the minimum the match is cancelled. */
    @CommandHandler
    MembershipOutcome handle(LeaveMatchCommand command, Clock clock, DeadlineManager deadlines) {
        Contestant contestant = contestantOf(command.playerId());
        Refusal refusal = phase != MatchPhase.SCHEDULED ? notBeforeStart()
                : contestant.forfeited ? new Refusal(ErrorCode.PLAYER_FORFEITED, null) : null;
        Instant now = clock.instant();
        if (refusal != null) {
            apply(new PlayerLeaveRefused(matchId, command.playerId(), refusal.code(), refusal.detail(), now));
            return MembershipOutcome.refused(refusal.code(), refusal.detail());
        }
        apply(new PlayerLeft(matchId, command.playerId(), now));
        if (activePlayers().size() < settings.minPlayers()) {
            apply(new MatchCancelled(matchId, "not enough players left before the start", now));
            deadlines.cancelAllWithinScope(MatchDeadlines.START);
        }
        return MembershipOutcome.done();
    }

    private Refusal notBeforeStart() {
        return phase == MatchPhase.ENDED || phase == MatchPhase.CANCELLED ? new Refusal(ErrorCode.MATCH_ENDED, null)
                : new Refusal(ErrorCode.MATCH_ALREADY_STARTED, "after the start a player can only forfeit");
    }

    MatchMode mode() {
        return mode;
    }

    @CommandHandler
    void handle(CancelMatchCommand command, Clock clock, DeadlineManager deadlines) {
        if (phase == MatchPhase.ENDED || phase == MatchPhase.CANCELLED) {
            throw CodeArenaException.rule(ErrorCode.MATCH_ENDED);
        }
        apply(new MatchCancelled(matchId, command.reason(), clock.instant()));
        cancelAllDeadlines(deadlines);
    }

    @CommandHandler
    void handle(ConfirmMatchFinalisedCommand command, Clock clock) {
        if (phase != MatchPhase.ENDED) {
            throw CodeArenaException.rule(ErrorCode.MATCH_NOT_RUNNING, "only an ended match can be finalised");
        }
        if (!finalised) {
            apply(new MatchFinalised(matchId, clock.instant()));
        }
    }

    // ------------------------------------------------------------------ submissions (all modes)

    @CommandHandler
    SubmissionOutcome handle(SubmitSolutionCommand command, Clock clock) {
        Contestant contestant = contestantOf(command.playerId());
        SubmissionOutcome repeated = repeatedOutcome(command.submissionId());
        if (repeated != null) {
            return repeated;
        }
        Instant now = clock.instant();
        int bytes = command.source().getBytes(StandardCharsets.UTF_8).length;
        Refusal refusal = solutionRefusal(command, contestant, bytes, now);
        if (refusal != null) {
            apply(new SubmissionRefused(matchId, command.submissionId(), command.playerId(), command.problemId(),
                    refusal.code(), refusal.detail(), now));
            return SubmissionOutcome.refused(command.submissionId(), refusal.code(), refusal.detail());
        }
        MatchProblem problem = problem(command.problemId());
        apply(new SubmissionReceived(matchId, command.submissionId(), command.playerId(), problem.problemId(),
                problem.version(), SubmissionKind.SOLUTION, command.language(), command.source(), bytes,
                problem.judge(), now));
        return SubmissionOutcome.received(command.submissionId());
    }

    private Refusal solutionRefusal(SubmitSolutionCommand command, Contestant contestant, int bytes, Instant now) {
        Refusal common = commonRefusal(contestant, command.source(), bytes, now);
        if (common != null) {
            return common;
        }
        MatchProblem problem = problemOrNull(command.problemId());
        if (problem == null) {
            return new Refusal(ErrorCode.PROBLEM_NOT_IN_MATCH, null);
        }
        return switch (phase) {
            case RUNNING -> mode == MatchMode.BLITZ && locks.containsKey(command.problemId())
                    ? new Refusal(ErrorCode.PROBLEM_LOCKED, "locked by " + locks.get(command.problemId())) : null;
            case ROUND -> !command.problemId().equals(roundProblem)
                    ? new Refusal(ErrorCode.PROBLEM_NOT_IN_ROUND, "round " + round + " is " + roundProblem)
                    : roundSolvedAt.containsKey(command.playerId()) ? new Refusal(ErrorCode.ALREADY_SOLVED, null) : null;
            case REPAIR -> contestant.repairPoints > 0 ? new Refusal(ErrorCode.ALREADY_SOLVED, null) : null;
            case SABOTAGE -> new Refusal(ErrorCode.WRONG_PHASE, "phase 1 takes sabotages, not solutions");
            default -> throw new IllegalStateException("unexpected phase " + phase);
        };
    }

    /** Refusal reasons shared by solutions and sabotages, checked in this order. */
    private Refusal commonRefusal(Contestant contestant, String source, int bytes, Instant now) {
        switch (phase) {
            case SCHEDULED -> {
                return new Refusal(ErrorCode.MATCH_NOT_RUNNING, "the match starts at " + periodEndsAt);
            }
            case ENDED, CANCELLED -> {
                return new Refusal(ErrorCode.MATCH_ENDED, null);
            }
            case CLOSING -> {
                return new Refusal(ErrorCode.TIME_UP, null);
            }
            default -> {
            }
        }
        if (contestant.forfeited) {
            return new Refusal(ErrorCode.PLAYER_FORFEITED, null);
        }
        if (contestant.eliminated) {
            return new Refusal(ErrorCode.PLAYER_ELIMINATED, null);
        }
        if (source.isBlank()) {
            return new Refusal(ErrorCode.SOURCE_EMPTY, null);
        }
        if (source.indexOf('\u0000') >= 0) {
            // no language here takes a raw NUL (escapes exist), and PostgreSQL text cannot hold one: let in,
            // it would stop every read model that stores the source at this event, on every retry
            return new Refusal(ErrorCode.VALIDATION_FAILED, "the source contains a NUL character (U+0000)");
        }
        if (bytes > settings.maxSourceBytes()) {
            return new Refusal(ErrorCode.SOURCE_TOO_LARGE, bytes + " bytes > " + settings.maxSourceBytes());
        }
        if (contestant.lastSubmissionAt != null) {
            long waitMs = Duration.between(now, contestant.lastSubmissionAt.plusMillis(settings.submitIntervalMs())).toMillis();
            if (waitMs > 0) {
                return new Refusal(ErrorCode.RATE_LIMITED, "retry in " + waitMs + " ms");
            }
        }
        return null;
    }

    private SubmissionOutcome repeatedOutcome(SubmissionId id) {
        if (submissions.containsKey(id)) {
            return SubmissionOutcome.received(id);
        }
        ErrorCode refused = refusals.get(id);
        return refused == null ? null : SubmissionOutcome.refused(id, refused, null);
    }

    @CommandHandler
    void handle(RecordVerdictCommand command, Clock clock, DeadlineManager deadlines) {
        Submission submission = submissions.get(command.submissionId());
        if (submission == null) {
            throw CodeArenaException.notFound(ErrorCode.UNKNOWN_SUBMISSION, "no submission " + command.submissionId());
        }
        if (submission.verdict != null || phase == MatchPhase.ENDED || phase == MatchPhase.CANCELLED) {
            return; // at-least-once delivery: the first verdict counts, duplicates and late results are dropped
        }
        recordVerdict(submission, command.verdict(), command.compiled(), command.testsPassed(), command.testCount(),
                command.message(), clock.instant(), deadlines);
        if (phase == MatchPhase.CLOSING && !hasPendingSubmissions()) {
            finishPeriod(clock.instant(), deadlines);
        }
    }

    private void recordVerdict(Submission submission, Verdict verdict, boolean compiled, int passed, int count,
                               String message, Instant now, DeadlineManager deadlines) {
        apply(new SubmissionJudged(matchId, submission.id, submission.playerId, submission.problemId, verdict,
                passed, count, message, submission.sourceBytes, now));
        if (submission.kind == SubmissionKind.SABOTAGE_VALIDATION) {
            onSabotageValidated(submission, verdict, compiled, message, now, deadlines);
            return;
        }
        Contestant author = contestants.get(submission.playerId);
        if (verdict == Verdict.AC && !author.solved.contains(submission.problemId)) {
            apply(new ProblemSolved(matchId, submission.playerId, submission.problemId, submission.id, submission.receivedAt));
        }
        switch (mode) {
            case BLITZ -> blitzAfterVerdict(submission.problemId, now, deadlines);
            case GOLF -> golfAfterVerdict(submission, verdict);
            case BATTLE_ROYALE -> royaleAfterVerdict(now, deadlines);
            case SABOTAGE -> repairAfterVerdict(submission, verdict, now, deadlines);
        }
    }

    // ------------------------------------------------------------------ Blitz

    /**
     * The lock goes to the earliest-received Accepted submission on the problem, and is decided only once
     * every submission received before it has its verdict: an AC that overtook a pending earlier
     * submission waits, because that earlier one may be an AC too.
     */
    private void blitzAfterVerdict(ProblemId problemId, Instant now, DeadlineManager deadlines) {
        if (locks.containsKey(problemId) || !isLive()) {
            return;
        }
        for (Submission s : submissions.values()) {
            if (!s.problemId.equals(problemId)) {
                continue;
            }
            if (s.verdict == null) {
                return;
            }
            if (s.verdict == Verdict.AC && !contestants.get(s.playerId).forfeited) {
                apply(new ProblemLocked(matchId, problemId, s.playerId, s.id, problem(problemId).points(), s.receivedAt));
                break;
            }
        }
        if (!locks.containsKey(problemId)) {
            return;
        }
        if (locks.size() == problems.size()) {
            endMatch(EndReason.ALL_PROBLEMS_LOCKED, now, deadlines);
        } else if (leadIsUnassailable()) {
            endMatch(EndReason.UNASSAILABLE_LEAD, now, deadlines);
        }
    }

    private boolean leadIsUnassailable() {
        int open = problems.stream().filter(p -> !locks.containsKey(p.problemId())).mapToInt(MatchProblem::points).sum();
        List<Integer> points = activePlayers().stream().map(p -> contestants.get(p).points)
                .sorted(Comparator.reverseOrder()).toList();
        return points.size() >= 2 && points.get(0) - points.get(1) > open;
    }

    // ------------------------------------------------------------------ Golf

    private void golfAfterVerdict(Submission submission, Verdict verdict) {
        if (verdict != Verdict.AC) {
            return;
        }
        Contestant author = contestants.get(submission.playerId);
        boolean better = author.golfBytes < 0 || submission.sourceBytes < author.golfBytes
                || (submission.sourceBytes == author.golfBytes && submission.receivedAt.isBefore(author.golfReachedAt));
        if (better) {
            apply(new GolfBestImproved(matchId, submission.playerId, submission.id, submission.sourceBytes, submission.receivedAt));
        }
    }

    // ------------------------------------------------------------------ Battle Royale

    /** A round whose survivors have all solved it ends early; there is nothing left to wait for. */
    private void royaleAfterVerdict(Instant now, DeadlineManager deadlines) {
        if (phase == MatchPhase.ROUND && !hasPendingSubmissions()
                && roundSolvedAt.keySet().containsAll(activePlayers())) {
            finishPeriod(now, deadlines);
        }
    }

    private void endRound(Instant now, DeadlineManager deadlines) {
        List<PlayerId> survivors = activePlayers();
        List<PlayerId> solvers = roundSolvedAt.entrySet().stream()
                .filter(e -> survivors.contains(e.getKey()))
                .sorted(Map.Entry.<PlayerId, Instant>comparingByValue().thenComparing(e -> solveOrder(e.getKey())))
                .map(Map.Entry::getKey).toList();
        List<PlayerId> eliminated;
        EliminationReason reason;
        if (solvers.isEmpty()) {
            eliminated = List.of();
            reason = EliminationReason.NOT_SOLVED;
        } else if (solvers.size() == survivors.size()) {
            int slowest = Math.max(1, survivors.size() / 4);
            eliminated = solvers.subList(solvers.size() - slowest, solvers.size());
            reason = EliminationReason.SLOWEST;
        } else {
            eliminated = survivors.stream().filter(p -> !roundSolvedAt.containsKey(p)).toList();
            reason = EliminationReason.NOT_SOLVED;
        }
        for (PlayerId player : eliminated) {
            apply(new PlayerEliminated(matchId, player, round, reason, now));
        }
        apply(new RoundEnded(matchId, round, solvers, List.copyOf(eliminated), now));
        List<PlayerId> left = activePlayers();
        if (left.size() <= 1) {
            endMatch(EndReason.LAST_PLAYER_STANDING, now, deadlines);
        } else if (round >= settings.roundSeconds().size()) {
            endMatch(EndReason.ROUNDS_EXHAUSTED, now, deadlines);
        } else {
            Instant endsAt = now.plusSeconds(settings.roundSeconds().get(round));
            apply(new RoundStarted(matchId, round + 1, problems.get(round).problemId(), now, endsAt, left));
            schedulePeriodEnd(deadlines, endsAt);
        }
    }

    /** Position of the player's solving submission in receive order: the tie-break for equal times. */
    private int solveOrder(PlayerId player) {
        int index = 0;
        for (Submission s : submissions.values()) {
            if (s.playerId.equals(player) && s.problemId.equals(roundProblem) && s.verdict == Verdict.AC) {
                return index;
            }
            index++;
        }
        return Integer.MAX_VALUE;
    }

    // ------------------------------------------------------------------ Sabotage

    @CommandHandler
    SubmissionOutcome handle(SubmitSabotageCommand command, Clock clock) {
        Contestant contestant = contestantOf(command.playerId());
        SubmissionOutcome repeated = repeatedOutcome(command.submissionId());
        if (repeated != null) {
            return repeated;
        }
        if (mode != MatchMode.SABOTAGE) {
            throw CodeArenaException.rule(ErrorCode.WRONG_PHASE, "this match is not a Sabotage match");
        }
        Instant now = clock.instant();
        int bytes = command.source().getBytes(StandardCharsets.UTF_8).length;
        MatchProblem problem = problems.get(0);
        Refusal refusal = commonRefusal(contestant, command.source(), bytes, now);
        int changed = 0;
        if (refusal == null && phase != MatchPhase.SABOTAGE) {
            refusal = new Refusal(ErrorCode.WRONG_PHASE, "sabotages are taken in phase 1 only");
        }
        if (refusal == null && contestant.acceptedSabotage != null) {
            refusal = new Refusal(ErrorCode.SABOTAGE_ALREADY_ACCEPTED, null);
        }
        if (refusal == null && contestant.pendingSabotage != null) {
            refusal = new Refusal(ErrorCode.SABOTAGE_PENDING, null);
        }
        if (refusal == null) {
            changed = EditBudget.changedLines(problem.sabotageReference().source(), command.source());
            if (changed == 0) {
                refusal = new Refusal(ErrorCode.SABOTAGE_NO_CHANGE, null);
            } else if (changed > settings.editBudgetLines()) {
                refusal = new Refusal(ErrorCode.SABOTAGE_EDIT_BUDGET_EXCEEDED,
                        changed + " changed lines > budget of " + settings.editBudgetLines());
            }
        }
        if (refusal != null) {
            apply(new SabotageRefused(matchId, command.submissionId(), command.playerId(), refusal.code(), refusal.detail(), now));
            return SubmissionOutcome.refused(command.submissionId(), refusal.code(), refusal.detail());
        }
        apply(new SabotageSubmitted(matchId, command.submissionId(), command.playerId(), changed, now));
        apply(new SubmissionReceived(matchId, command.submissionId(), command.playerId(), problem.problemId(),
                problem.version(), SubmissionKind.SABOTAGE_VALIDATION, problem.sabotageReference().language(),
                command.source(), bytes, problem.judge(), now));
        return SubmissionOutcome.received(command.submissionId());
    }

    private void onSabotageValidated(Submission submission, Verdict verdict, boolean compiled, String message, Instant now,
                                     DeadlineManager deadlines) {
        ErrorCode refusal;
        if (verdict == Verdict.IE) {
            refusal = ErrorCode.SABOTAGE_JUDGE_ERROR;
        } else if (!compiled || verdict == Verdict.CE) {
            refusal = ErrorCode.SABOTAGE_DOES_NOT_COMPILE;
        } else if (verdict == Verdict.AC) {
            refusal = ErrorCode.SABOTAGE_PASSES_ALL_TESTS;
        } else {
            refusal = null;
        }
        if (refusal != null) {
            apply(new SabotageRefused(matchId, submission.id, submission.playerId, refusal, message, now));
        } else {
            apply(new SabotageAccepted(matchId, submission.id, submission.playerId,
                    EditBudget.changedLines(problems.get(0).sabotageReference().source(), submission.source), verdict, now));
            boolean allSabotaged = activePlayers().stream().allMatch(p -> contestants.get(p).acceptedSabotage != null);
            if (phase == MatchPhase.SABOTAGE && allSabotaged && !hasPendingSubmissions()) {
                finishPeriod(now, deadlines); // nothing left to do in phase 1: repair starts at once
            }
        }
    }

    /** Each player repairs the opponent's accepted sabotage; an opponent who has none hands over the plain reference. */
    private void startRepairPhase(Instant now, DeadlineManager deadlines) {
        MatchProblem problem = problems.get(0);
        List<PlayerId> players = List.copyOf(contestants.keySet());
        List<RepairAssignment> assignments = new ArrayList<>();
        for (PlayerId player : players) {
            PlayerId opponent = players.get(0).equals(player) ? players.get(1) : players.get(0);
            String sabotaged = contestants.get(opponent).acceptedSabotage;
            assignments.add(new RepairAssignment(player, opponent, problem.sabotageReference().language(),
                    sabotaged != null ? sabotaged : problem.sabotageReference().source()));
        }
        Instant endsAt = now.plusSeconds(settings.repairSeconds());
        apply(new RepairPhaseStarted(matchId, assignments, now, endsAt));
        schedulePeriodEnd(deadlines, endsAt);
    }

    private void repairAfterVerdict(Submission submission, Verdict verdict, Instant now, DeadlineManager deadlines) {
        Contestant author = contestants.get(submission.playerId);
        boolean inRepair = phase == MatchPhase.REPAIR || (phase == MatchPhase.CLOSING && closingFrom == MatchPhase.REPAIR);
        if (verdict != Verdict.AC || !inRepair || author.repairPoints > 0) {
            return;
        }
        long phaseMs = Duration.ofSeconds(settings.repairSeconds()).toMillis();
        long timeLeftMs = Math.max(0, Math.min(phaseMs, Duration.between(submission.receivedAt, periodEndsAt).toMillis()));
        int points = settings.repairBasePoints() + (int) (settings.repairMaxTimeBonus() * timeLeftMs / phaseMs);
        apply(new RepairSucceeded(matchId, submission.playerId, repairs.get(submission.playerId).saboteurId(),
                submission.id, points, timeLeftMs, now));
        boolean allRepaired = activePlayers().stream().allMatch(p -> contestants.get(p).repairPoints > 0);
        if (allRepaired && phase == MatchPhase.REPAIR) {
            endMatch(EndReason.ALL_REPAIRED, now, deadlines);
        }
    }

    // ------------------------------------------------------------------ period ends, standings, end

    private void finishPeriod(Instant now, DeadlineManager deadlines) {
        MatchPhase ending = phase == MatchPhase.CLOSING ? closingFrom : phase;
        switch (ending) {
            case RUNNING, REPAIR -> endMatch(EndReason.TIME_UP, now, deadlines);
            case ROUND -> endRound(now, deadlines);
            case SABOTAGE -> startRepairPhase(now, deadlines);
            default -> throw new IllegalStateException("no period to finish in " + ending);
        }
    }

    private void endMatch(EndReason reason, Instant now, DeadlineManager deadlines) {
        List<Standing> standings = standings();
        Map<PlayerId, Integer> places = new HashMap<>();
        standings.forEach(s -> places.put(s.playerId(), s.place()));
        List<MatchPlayer> roster = contestants.values().stream().map(c -> c.player).toList();
        apply(new MatchEnded(matchId, mode, reason, standings, EloRatings.compute(mode, roster, places), now));
        cancelAllDeadlines(deadlines);
    }

    /** Final places by the shared rule ({@link Standings}), the one the auditor's replay uses too. */
    private List<Standing> standings() {
        List<Standings.Outcome> outcomes = contestants.values().stream().map(c -> new Standings.Outcome(c.player.playerId(),
                c.forfeited, c.points, c.lastLockAt, c.golfBytes, c.golfReachedAt, c.eliminatedInRound,
                c.eliminationReason, c.eliminatedAt, c.acceptedSabotage != null, repairs.containsKey(c.player.playerId()),
                c.repairPoints)).toList();
        return Standings.rank(mode, settings, round, outcomes);
    }

    // ------------------------------------------------------------------ helpers

    private Contestant contestantOf(PlayerId playerId) {
        Contestant contestant = contestants.get(playerId);
        if (contestant == null) {
            throw CodeArenaException.rule(ErrorCode.NOT_IN_MATCH, playerId + " is not a player of match " + matchId);
        }
        return contestant;
    }

    private MatchProblem problemOrNull(ProblemId id) {
        return problems.stream().filter(p -> p.problemId().equals(id)).findFirst().orElse(null);
    }

    private MatchProblem problem(ProblemId id) {
        return Objects.requireNonNull(problemOrNull(id), () -> "problem " + id + " not in match");
    }

    private List<PlayerId> activePlayers() {
        return contestants.values().stream().filter(c -> !c.forfeited && !c.eliminated).map(c -> c.player.playerId()).toList();
    }

    private boolean hasPendingSubmissions() {
        return submissions.values().stream().anyMatch(s -> s.verdict == null);
    }

    private boolean isLive() {
        return isTimedPhase(phase) || phase == MatchPhase.CLOSING;
    }

    private static boolean isTimedPhase(MatchPhase phase) {
        return phase == MatchPhase.RUNNING || phase == MatchPhase.ROUND || phase == MatchPhase.SABOTAGE
                || phase == MatchPhase.REPAIR;
    }

    private void schedulePeriodEnd(DeadlineManager deadlines, Instant endsAt) {
        deadlines.schedule(endsAt, MatchDeadlines.PERIOD_END, new MatchDeadlines.Period(period));
    }

    private static void cancelAllDeadlines(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(MatchDeadlines.START);
        deadlines.cancelAllWithinScope(MatchDeadlines.PERIOD_END);
        deadlines.cancelAllWithinScope(MatchDeadlines.GRACE_END);
    }

    // ------------------------------------------------------------------ state changes (only here)

    @EventSourcingHandler
    void on(MatchCreated event) {
        matchId = event.matchId();
        mode = event.mode();
        settings = event.settings();
        phase = MatchPhase.SCHEDULED;
        periodEndsAt = event.startsAt();
        event.players().forEach(p -> contestants.put(p.playerId(), new Contestant(p)));
        problems.addAll(event.problems());
    }

    @EventSourcingHandler
    void on(PlayerJoined event) {
        contestants.put(event.player().playerId(), new Contestant(event.player()));
    }

    @EventSourcingHandler
    void on(PlayerLeft event) {
        contestants.remove(event.playerId());
    }

    @EventSourcingHandler
    void on(MatchStarted event) {
        phase = event.phase();
        period = 1;
        periodStartedAt = event.startedAt();
        periodEndsAt = event.endsAt();
    }

    @EventSourcingHandler
    void on(RoundStarted event) {
        phase = MatchPhase.ROUND;
        round = event.round();
        period = event.round();
        roundProblem = event.problemId();
        roundSolvedAt.clear();
        periodStartedAt = event.startedAt();
        periodEndsAt = event.endsAt();
    }

    @EventSourcingHandler
    void on(TimeUp event) {
        closingFrom = event.phase();
        phase = MatchPhase.CLOSING;
    }

    @EventSourcingHandler
    void on(SubmissionReceived event) {
        submissions.put(event.submissionId(), new Submission(event.submissionId(), event.playerId(), event.problemId(),
                event.kind(), event.sourceBytes(), event.receivedAt(),
                event.kind() == SubmissionKind.SABOTAGE_VALIDATION ? event.source() : null));
        contestants.get(event.playerId()).lastSubmissionAt = event.receivedAt();
    }

    @EventSourcingHandler
    void on(SubmissionRefused event) {
        refusals.put(event.submissionId(), event.reason());
    }

    @EventSourcingHandler
    void on(SubmissionJudged event) {
        submissions.get(event.submissionId()).verdict = event.verdict();
    }

    @EventSourcingHandler
    void on(ProblemSolved event) {
        contestants.get(event.playerId()).solved.add(event.problemId());
        if (mode == MatchMode.BATTLE_ROYALE && event.problemId().equals(roundProblem)) {
            roundSolvedAt.putIfAbsent(event.playerId(), event.solvedAt());
        }
    }

    @EventSourcingHandler
    void on(ProblemLocked event) {
        locks.put(event.problemId(), event.playerId());
        Contestant owner = contestants.get(event.playerId());
        owner.points += event.points();
        if (owner.lastLockAt == null || event.lockedAt().isAfter(owner.lastLockAt)) {
            owner.lastLockAt = event.lockedAt();
        }
    }

    @EventSourcingHandler
    void on(GolfBestImproved event) {
        Contestant c = contestants.get(event.playerId());
        c.golfBytes = event.bytes();
        c.golfReachedAt = event.reachedAt();
    }

    @EventSourcingHandler
    void on(PlayerEliminated event) {
        Contestant c = contestants.get(event.playerId());
        c.eliminated = true;
        c.eliminatedInRound = event.round();
        c.eliminatedAt = event.eliminatedAt();
        c.eliminationReason = event.reason();
    }

    @EventSourcingHandler
    void on(PlayerForfeited event) {
        contestants.get(event.playerId()).forfeited = true;
    }

    @EventSourcingHandler
    void on(SabotageSubmitted event) {
        contestants.get(event.playerId()).pendingSabotage = event.submissionId();
    }

    @EventSourcingHandler
    void on(SabotageAccepted event) {
        Contestant c = contestants.get(event.playerId());
        c.pendingSabotage = null;
        c.acceptedSabotage = submissions.get(event.submissionId()).source;
    }

    @EventSourcingHandler
    void on(SabotageRefused event) {
        Contestant c = contestants.get(event.playerId());
        if (event.submissionId().equals(c.pendingSabotage)) {
            c.pendingSabotage = null;
        }
        if (!submissions.containsKey(event.submissionId())) {
            refusals.put(event.submissionId(), event.reason());
        }
    }

    @EventSourcingHandler
    void on(RepairPhaseStarted event) {
        phase = MatchPhase.REPAIR;
        period = 2;
        periodStartedAt = event.startedAt();
        periodEndsAt = event.endsAt();
        event.assignments().forEach(a -> repairs.put(a.playerId(), a));
    }

    @EventSourcingHandler
    void on(RepairSucceeded event) {
        contestants.get(event.playerId()).repairPoints = event.points();
    }

    @EventSourcingHandler
    void on(MatchEnded event) {
        phase = MatchPhase.ENDED;
    }

    @EventSourcingHandler
    void on(MatchCancelled event) {
        phase = MatchPhase.CANCELLED;
    }

    @EventSourcingHandler
    void on(MatchFinalised event) {
        finalised = true;
    }

    private record Refusal(ErrorCode code, String detail) {
    }

    /** A player's state within the match. */
    private static final class Contestant {
        final MatchPlayer player;
        final Set<ProblemId> solved = new HashSet<>();
        boolean forfeited;
        boolean eliminated;
        int eliminatedInRound;
        EliminationReason eliminationReason;
        Instant eliminatedAt;
        Instant lastSubmissionAt;
        int points;
        Instant lastLockAt;
        int golfBytes = -1;
        Instant golfReachedAt;
        SubmissionId pendingSabotage;
        String acceptedSabotage;
        int repairPoints;

        Contestant(MatchPlayer player) {
            this.player = player;
        }

        /** Value equality, so the test fixture can verify that sourcing the events rebuilds the same state. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Contestant c && player.equals(c.player) && solved.equals(c.solved)
                    && forfeited == c.forfeited && eliminated == c.eliminated && eliminatedInRound == c.eliminatedInRound
                    && eliminationReason == c.eliminationReason && Objects.equals(eliminatedAt, c.eliminatedAt)
                    && Objects.equals(lastSubmissionAt, c.lastSubmissionAt) && points == c.points
                    && Objects.equals(lastLockAt, c.lastLockAt) && golfBytes == c.golfBytes
                    && Objects.equals(golfReachedAt, c.golfReachedAt) && Objects.equals(pendingSabotage, c.pendingSabotage)
                    && Objects.equals(acceptedSabotage, c.acceptedSabotage) && repairPoints == c.repairPoints;
        }

        @Override
        public int hashCode() {
            return player.hashCode();
        }
    }

    /** A received submission; {@code verdict == null} while it is being judged. */
    private static final class Submission {
        final SubmissionId id;
        final PlayerId playerId;
        final ProblemId problemId;
        final SubmissionKind kind;
        final int sourceBytes;
        final Instant receivedAt;
        final String source;
        Verdict verdict;

        Submission(SubmissionId id, PlayerId playerId, ProblemId problemId, SubmissionKind kind, int sourceBytes,
                   Instant receivedAt, String source) {
            this.id = id;
            this.playerId = playerId;
            this.problemId = problemId;
            this.kind = kind;
            this.sourceBytes = sourceBytes;
            this.receivedAt = receivedAt;
            this.source = source;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Submission s && id.equals(s.id) && playerId.equals(s.playerId) && problemId.equals(s.problemId)
                    && kind == s.kind && sourceBytes == s.sourceBytes && receivedAt.equals(s.receivedAt)
                    && Objects.equals(source, s.source) && verdict == s.verdict;
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }
}
