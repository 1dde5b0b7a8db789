package dev.codearena.api.match;

import dev.codearena.api.judge.Language;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A solution (or, in Sabotage phase 2, a repair). Answers a {@link SubmissionOutcome}; a refusal is also
 * recorded as {@link SubmissionRefused}. Re-sending the same submission id is harmless.
 */
public record SubmitSolutionCommand(
        @TargetAggregateIdentifier @NotNull MatchId matchId,
        @NotNull SubmissionId submissionId,
        @NotNull PlayerId playerId,
        @NotNull ProblemId problemId,
        @NotNull Language language,
        @NotNull String source) {
}
