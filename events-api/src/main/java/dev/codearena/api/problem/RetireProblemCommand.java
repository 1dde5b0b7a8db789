package dev.codearena.api.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a problem out of new matches (running matches keep their pinned version).
 */
public record RetireProblemCommand(@TargetAggregateIdentifier @NotNull ProblemId problemId, @NotBlank String reason) {
}
