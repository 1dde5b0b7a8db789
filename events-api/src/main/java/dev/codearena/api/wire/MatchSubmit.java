package dev.codearena.api.wire;

import dev.codearena.api.judge.Language;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.SubmissionKind;
import dev.codearena.api.problem.ProblemId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code match:submit}: a solution. Answered by {@code match:submitted} (or an error); per-test
 * {@code match:verdict} messages follow to the submitter only, then the final verdict to the room.
 * The gateway also refuses sources over 64 KB of UTF-8 ({@code SOURCE_TOO_LARGE}).
 *
 * @param submissionId optional idempotency key chosen by the client; a re-send with the same key is harmless
 * @param kind         {@code SOLUTION} (default when absent: a solution, or a repair in Sabotage phase 2) or
 *                     {@code SABOTAGE_VALIDATION} (Sabotage phase 1: the player's bugged reference; {@code problemId}
 *                     and {@code language} must name the match's problem and its reference's language)
 */
public record MatchSubmit(
        @NotNull MatchId matchId,
        @NotNull ProblemId problemId,
        @NotNull Language language,
        @NotBlank @Size(max = 65_536) String code,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String submissionId,
        SubmissionKind kind) {

    /** A solution (or repair) without an idempotency key. */
    public MatchSubmit(MatchId matchId, ProblemId problemId, Language language, String code) {
        this(matchId, problemId, language, code, null, null);
    }

    /** The kind, {@code SOLUTION} when the client left it out. */
    public SubmissionKind kindOrDefault() {
        return kind == null ? SubmissionKind.SOLUTION : kind;
    }
}
