package dev.codearena.api.fairplay;

import java.time.Instant;

/** One admin decision on a flag; a flag keeps all of them, the latest is its status. */
public record FlagReview(FlagStatus decision, String reviewer, String note, Instant reviewedAt) {
}
