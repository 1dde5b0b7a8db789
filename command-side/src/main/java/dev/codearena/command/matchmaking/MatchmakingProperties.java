package dev.codearena.command.matchmaking;

import dev.codearena.api.match.MatchMode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code codearena.matchmaking.*}: the pass and per-mode room sizes and match settings. A null
 * per-mode number keeps the mode's default ({@code MatchSettings.defaults}).
 */
@ConfigurationProperties("codearena.matchmaking")
public record MatchmakingProperties(
        Boolean enabled,
        Duration passInterval,
        Integer baseWindow,
        Integer widenBy,
        Duration widenAfter,
        Duration widenEvery,
        Map<MatchMode, Mode> modes) {

    /**
     * @param targetPlayers room size a queue fills to
     * @param minPlayers    smallest room started after {@code maxWait}
     * @param maxWait       wait after which a smaller room starts
     * @param maxDifficulty hardest problem drawn
     */
    public record Mode(Integer targetPlayers, Integer minPlayers, Duration maxWait, Integer durationSeconds,
                       Integer startDelaySeconds, Integer problemCount, Integer maxDifficulty) {
    }

    public MatchmakingProperties {
        enabled = enabled == null || enabled;
        passInterval = passInterval == null ? Duration.ofSeconds(2) : passInterval;
        baseWindow = baseWindow == null ? 150 : baseWindow;
        widenBy = widenBy == null ? 50 : widenBy;
        widenAfter = widenAfter == null ? Duration.ofSeconds(30) : widenAfter;
        widenEvery = widenEvery == null ? Duration.ofSeconds(10) : widenEvery;
        Map<MatchMode, Mode> all = new EnumMap<>(MatchMode.class);
        all.put(MatchMode.BLITZ, new Mode(2, 2, null, null, null, null, null));
        all.put(MatchMode.SABOTAGE, new Mode(2, 2, null, null, null, null, null));
        all.put(MatchMode.GOLF, new Mode(4, 2, Duration.ofSeconds(60), null, null, null, null));
        all.put(MatchMode.BATTLE_ROYALE, new Mode(8, 4, Duration.ofSeconds(90), null, null, null, null));
        if (modes != null) {
            modes.forEach((mode, given) -> all.merge(mode, given, MatchmakingProperties::overlay));
        }
        modes = Map.copyOf(all);
    }

    MatchmakingPass.Rules rules(MatchMode mode) {
        Mode m = modes.get(mode);
        return new MatchmakingPass.Rules(baseWindow, widenBy, widenAfter.toMillis(), widenEvery.toMillis(),
                m.targetPlayers(), m.minPlayers(), m.maxWait() == null ? Long.MAX_VALUE : m.maxWait().toMillis());
    }

    private static Mode overlay(Mode base, Mode given) {
        return new Mode(
                given.targetPlayers() != null ? given.targetPlayers() : base.targetPlayers(),
                given.minPlayers() != null ? given.minPlayers() : base.minPlayers(),
                given.maxWait() != null ? given.maxWait() : base.maxWait(),
                given.durationSeconds() != null ? given.durationSeconds() : base.durationSeconds(),
                given.startDelaySeconds() != null ? given.startDelaySeconds() : base.startDelaySeconds(),
                given.problemCount() != null ? given.problemCount() : base.problemCount(),
                given.maxDifficulty() != null ? given.maxDifficulty() : base.maxDifficulty());
    }
}
