package dev.codearena.api.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publishes a problem version if its content differs from the current one (idempotent: the same
 * {@code contentHash} twice records nothing). Creates the problem on first import.
 */
public record ImportProblemCommand(
        @TargetAggregateIdentifier @NotNull ProblemId problemId,
        @NotBlank String contentHash,
        @NotNull ProblemDefinition definition) {
}
