package dev.codearena.command.player;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.player.ChangePlayerClassCommand;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerClassChanged;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.PlayerRatingChanged;
import dev.codearena.api.player.PlayerRegistered;
import dev.codearena.api.player.Ratings;
import dev.codearena.api.player.RecordMatchRatingCommand;
import dev.codearena.api.player.RegisterPlayerCommand;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The domain side of a player: handle, class and ratings (one per mode plus overall). Every rating
 * change comes from a match's {@code MatchEnded} through the finalisation saga and is applied once per
 * match; its events are the player's rating history.
 */
@Aggregate
public class Player {

    static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_-]{3,20}");

    @AggregateIdentifier
    private PlayerId playerId;
    private String handle;
    private PlayerClass playerClass;
    private final Map<MatchMode, Integer> ratings = new EnumMap<>(MatchMode.class);
    private final Map<MatchMode, Integer> games = new EnumMap<>(MatchMode.class);
    private int overallRating;
    private int overallGames;
    private final Set<MatchId> ratedMatches = new HashSet<>();

    protected Player() {
    }

    @CommandHandler
    public Player(RegisterPlayerCommand command, Clock clock) {
        if (command.handle() == null || !HANDLE.matcher(command.handle()).matches()) {
            throw CodeArenaException.invalid(ErrorCode.INVALID_HANDLE, null);
        }
        if (command.playerClass() == null) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "a class is required");
        }
        apply(new PlayerRegistered(command.playerId(), command.handle(), command.playerClass(), Ratings.INITIAL_RATING,
                clock.instant()));
    }

    @CommandHandler
    void handle(ChangePlayerClassCommand command, Clock clock) {
        if (command.playerClass() != playerClass) {
            apply(new PlayerClassChanged(playerId, command.playerClass(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(RecordMatchRatingCommand command, Clock clock) {
        if (ratedMatches.contains(command.matchId())) {
            return; // the finalisation saga may retry: one change per match
        }
        RatingChange change = command.change();
        if (!change.playerId().equals(playerId)) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "rating change is for " + change.playerId());
        }
        MatchMode mode = change.mode();
        int before = rating(mode);
        apply(new PlayerRatingChanged(playerId, command.matchId(), mode, before, before + change.delta(),
                overallRating, overallRating + change.overallDelta(), games.getOrDefault(mode, 0) + 1,
                overallGames + 1, clock.instant()));
    }

    /** The player as a match sees them when it is created: current ratings in {@code mode} and overall. */
    public MatchPlayer asMatchPlayer(MatchMode mode) {
        return new MatchPlayer(playerId, handle, rating(mode), games.getOrDefault(mode, 0), overallRating, overallGames);
    }

    private int rating(MatchMode mode) {
        return ratings.getOrDefault(mode, Ratings.INITIAL_RATING);
    }

    @EventSourcingHandler
    void on(PlayerRegistered event) {
        playerId = event.playerId();
        handle = event.handle();
        playerClass = event.playerClass();
        overallRating = event.initialRating();
        for (MatchMode mode : MatchMode.values()) {
            ratings.put(mode, event.initialRating());
        }
    }

    @EventSourcingHandler
    void on(PlayerClassChanged event) {
        playerClass = event.playerClass();
    }

    @EventSourcingHandler
    void on(PlayerRatingChanged event) {
        ratedMatches.add(event.matchId());
        ratings.put(event.mode(), event.after());
        games.put(event.mode(), event.gamesPlayed());
        overallRating = event.overallAfter();
        overallGames = event.overallGamesPlayed();
    }
}
