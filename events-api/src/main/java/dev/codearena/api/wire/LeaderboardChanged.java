package dev.codearena.api.wire;

import dev.codearena.api.player.PlayerId;
import java.util.List;

/**
 * Published on {@link dev.codearena.api.live.LiveKeys#LEADERBOARD_CHANNEL} when ratings changed, so
 * leaderboard subscribers refetch the pages they show. {@code board} is {@code OVERALL} or a mode name.
 */
public record LeaderboardChanged(List<String> boards, List<PlayerId> players) {
}
