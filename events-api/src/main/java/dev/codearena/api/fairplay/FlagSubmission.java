package dev.codearena.api.fairplay;

import java.time.Instant;

/** A submission a flag points at, with its code: only in the admin's flag detail. */
public record FlagSubmission(
        String submissionId,
        String matchId,
        String playerId,
        String problemId,
        String language,
        int sourceBytes,
        Instant receivedAt,
        String verdict,
        String source) {
}
