package dev.codearena.api.fairplay;

import java.time.Instant;
import java.util.List;

/**
 * A fair-play flag as listed to admins: what is suspected, of whom, where, how strongly, and the review
 * state. Never carries code.
 *
 * @param score      the signal's strength in 0..1 (plagiarism: Jaccard similarity; others: see docs/fair-play.md)
 * @param createdAt  event time of the evidence that raised the flag
 * @param updatedAt  event time of the latest evidence added to it
 * @param reviewer   who reviewed it last (null while OPEN)
 */
public record FairPlayFlag(
        String flagId,
        FlagKind kind,
        FlagStatus status,
        List<FlagPlayer> players,
        List<String> matchIds,
        double score,
        String summary,
        Instant createdAt,
        Instant updatedAt,
        String reviewer,
        String note,
        Instant reviewedAt) {

    public FairPlayFlag {
        players = players == null ? List.of() : List.copyOf(players);
        matchIds = matchIds == null ? List.of() : List.copyOf(matchIds);
    }
}
