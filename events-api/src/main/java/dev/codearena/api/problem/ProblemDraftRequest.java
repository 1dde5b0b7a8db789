package dev.codearena.api.problem;

import dev.codearena.api.match.MatchMode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/**
 * An admin's problem draft ({@code POST /api/admin/problems}, {@code PUT /api/admin/problems/{slug}}):
 * everything of a problem directory except its tests, which are uploaded separately. It is written
 * as {@code problem.yaml}, {@code statement.md}, {@code solutions/ref.cpp}, {@code solutions/ref.py}
 * and (with {@code checker: custom}) {@code checker.cpp}, so publishing goes through the same format
 * rules as the problem set on disk.
 *
 * @param checker           {@code tokens}, {@code exact}, {@code float:EPS} or {@code custom}
 * @param customChecker     C++17 source of the checker when {@code checker} is {@code custom}
 * @param sabotageReference which reference Sabotage hands out: {@code cpp} or {@code python}; required with SABOTAGE
 */
public record ProblemDraftRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase letters, digits and '-'")
        @Size(max = 64) String slug,
        @NotBlank @Size(max = 200) String title,
        @Min(1) @Max(5) int difficulty,
        @Size(max = 10) List<@NotBlank @Size(max = 32) String> tags,
        @Min(100) @Max(20_000) long timeLimitMs,
        @Min(16) @Max(2048) int memoryMb,
        @NotBlank @Pattern(regexp = "tokens|exact|custom|float:[0-9.eE+-]+", message = "must be tokens, exact, float:EPS or custom")
        String checker,
        @Size(max = 65_536) String customChecker,
        @NotEmpty Set<@NotNull MatchMode> modes,
        @NotBlank @Size(max = 100_000) String statementMarkdown,
        @NotBlank @Size(max = 65_536) String referenceCpp,
        @NotBlank @Size(max = 65_536) String referencePython,
        @Pattern(regexp = "cpp|python", message = "must be cpp or python") String sabotageReference) {

    public ProblemDraftRequest {
        tags = tags == null ? List.of() : List.copyOf(tags);
        modes = modes == null ? Set.of() : Set.copyOf(modes);
    }
}
