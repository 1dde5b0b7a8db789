package dev.codearena.api.live;

import dev.codearena.api.player.PlayerId;
import java.time.Instant;
import java.util.List;

/**
 * A player in a {@link LiveMatchView}.
 *
 * @param score          Blitz points, Sabotage points, Battle Royale rounds survived, Golf best length
 *                       in bytes (-1: no Accepted source yet)
 * @param golfBestBytes  Golf: shortest Accepted source in UTF-8 bytes, -1 if none
 * @param golfReachedAt  Golf: when the best length was reached (received time of that submission)
 * @param eliminatedRound Battle Royale: the round in which the player went out, 0 if still in
 * @param place          final place once the match ended, else 0
 * @param ratingDelta    rating change in the match's mode once the match ended, else 0
 */
public record LivePlayer(
        PlayerId playerId,
        String handle,
        int rating,
        int score,
        int golfBestBytes,
        Instant golfReachedAt,
        boolean eliminated,
        int eliminatedRound,
        boolean forfeited,
        boolean sabotageAccepted,
        boolean repaired,
        int place,
        int ratingDelta,
        List<LiveProblemStatus> problems) {

    public LivePlayer {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
