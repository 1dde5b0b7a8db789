package dev.codearena.api.match;

import dev.codearena.api.judge.Verdict;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The judge's final result for a submission (sent by the command side's result listener or the judging
 * saga's timeout). Recorded once per submission: later duplicates are ignored.
 */
public record RecordVerdictCommand(
        @TargetAggregateIdentifier @NotNull MatchId matchId,
        @NotNull SubmissionId submissionId,
        @NotNull Verdict verdict,
        boolean compiled,
        int testsPassed,
        int testCount,
        String message,
        int attempt) {
}
