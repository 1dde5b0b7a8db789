package dev.codearena.api.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Which page of a list to return over RSocket (0-based page, 1..100 items). */
public record PageRequest(@Min(0) int page, @Min(1) @Max(100) int size) {
}
