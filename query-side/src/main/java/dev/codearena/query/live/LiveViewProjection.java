package dev.codearena.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.Verdict;
import dev.codearena.api.live.LiveKeys;
import dev.codearena.api.live.LiveMatchView;
import dev.codearena.api.match.GolfBestImproved;
import dev.codearena.api.match.MatchCancelled;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchEnded;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.PlayerEliminated;
import dev.codearena.api.match.PlayerForfeited;
import dev.codearena.api.match.PlayerJoined;
import dev.codearena.api.match.PlayerLeft;
import dev.codearena.api.match.ProblemLocked;
import dev.codearena.api.match.ProblemSolved;
import dev.codearena.api.match.RatingChange;
import dev.codearena.api.match.RepairPhaseStarted;
import dev.codearena.api.match.RepairSucceeded;
import dev.codearena.api.match.RoundEnded;
import dev.codearena.api.match.RoundStarted;
import dev.codearena.api.match.SabotageAccepted;
import dev.codearena.api.match.SabotageRefused;
import dev.codearena.api.match.SabotageSubmitted;
import dev.codearena.api.match.Standing;
import dev.codearena.api.match.SubmissionJudged;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.match.SubmissionRefused;
import dev.codearena.api.match.TimeUp;
import dev.codearena.api.wire.LiveMessage;
import dev.codearena.api.wire.LivePayload;
import dev.codearena.api.wire.MatchEliminatePayload;
import dev.codearena.api.wire.MatchEndPayload;
import dev.codearena.api.wire.MatchForfeitPayload;
import dev.codearena.api.wire.MatchGolfPayload;
import dev.codearena.api.wire.MatchLockoutPayload;
import dev.codearena.api.wire.MatchPhasePayload;
import dev.codearena.api.wire.MatchRoundPayload;
import dev.codearena.api.wire.MatchSabotagePayload;
import dev.codearena.api.wire.MatchSubmissionPayload;
import dev.codearena.api.wire.MatchVerdictPayload;
import dev.codearena.query.QueryProcessingGroups;
import dev.codearena.query.support.UnitOfWorkBatch;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps every live match's spectator view in Redis ({@link LiveKeys#view}) and publishes each change on
 * the match's channel ({@link LiveKeys#channel}) as a {@link LiveMessage}; maintains the live-match
 * list ({@link LiveKeys#LIVE_MATCHES}).
 *
 * <p>Redis is not part of the processor's database transaction, so exactly-once comes from the view
 * itself: it records the sequence number of the last match event applied ({@code version}), and an
 * event at or below it is skipped. Views are written when the batch prepares to commit; messages are
 * published only after the commit, and never while replaying (publishing is this projection's side
 * effect: during a rebuild the views are recomputed silently; a finished match's view is kept for what is
 * left of {@link LiveKeys#ENDED_VIEW_TTL_SECONDS} since it ended).
 */
@Component
@ProcessingGroup(LiveViewProjection.GROUP)
class LiveViewProjection {

    static final String GROUP = QueryProcessingGroups.LIVE_VIEWS;
    private static final String BATCH = LiveViewProjection.class.getName();
    private static final byte[] LIVE_MATCHES = bytes(LiveKeys.LIVE_MATCHES);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);
    /** The event types handled here (all of them a Match aggregate's), for the batch's read-ahead. */
    private static final Set<Class<?>> HANDLED = Arrays.stream(LiveViewProjection.class.getDeclaredMethods())
            .filter(method -> method.isAnnotationPresent(EventHandler.class))
            .map(method -> method.getParameterTypes()[0])
            .collect(Collectors.toUnmodifiableSet());

    private final StringRedisTemplate redis;
    private final ObjectMapper json;

    LiveViewProjection(StringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @EventHandler
    void on(MatchCreated event, @SequenceNumber long sequence, ReplayStatus replay) {
        Batch batch = batch(replay);
        Optional<LiveViewState> existing = batch.views.computeIfAbsent(event.matchId(), this::load);
        if (existing.isPresent()) {
            return; // already applied before a restart
        }
        LiveViewState s = new LiveViewState();
        s.matchId = event.matchId();
        s.mode = event.mode();
        s.phase = MatchPhase.SCHEDULED;
        s.createdAt = event.createdAt();
        s.startsAt = event.startsAt();
        s.periodEndsAt = event.startsAt();
        s.version = sequence;
        for (MatchPlayer mp : event.players()) {
            seat(s, mp);
        }
        for (MatchProblem mp : event.problems()) {
            LiveViewState.Problem p = new LiveViewState.Problem();
            p.problemId = mp.problemId();
            p.title = mp.title();
            p.difficulty = mp.difficulty();
            p.points = mp.points();
            s.problems.put(p.problemId, p);
        }
        batch.views.put(event.matchId(), Optional.of(s));
        batch.dirty.add(event.matchId());
        if (!replay.isReplay()) {
            batch.messages.add(s.matchId);
            batch.payloads.add(s.toView());
        }
    }

    /** Spectators see the roster change before the start: the whole view goes out, as on creation. */
    @EventHandler
    void on(PlayerJoined event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            seat(s, event.player());
            return s.toView();
        });
    }

    @EventHandler
    void on(PlayerLeft event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            s.players.remove(event.playerId());
            return s.toView();
        });
    }

    @EventHandler
    void on(MatchStarted event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            s.phase = event.phase();
            s.round = 1;
            s.startedAt = event.startedAt();
            s.periodStartedAt = event.startedAt();
            s.periodEndsAt = event.endsAt();
            return phase(s);
        });
    }

    @EventHandler
    void on(RoundStarted event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            s.phase = MatchPhase.ROUND;
            s.round = event.round();
            s.roundProblem = event.problemId();
            s.periodStartedAt = event.startedAt();
            s.periodEndsAt = event.endsAt();
            s.players.values().stream().filter(p -> !p.eliminated && !p.forfeited).forEach(p -> p.score = event.round() - 1);
            return new MatchRoundPayload(s.matchId, event.round(), false, event.problemId(), event.startedAt(), event.endsAt(),
                    event.survivors(), List.of(), s.version);
        });
    }

    @EventHandler
    void on(RoundEnded event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> new MatchRoundPayload(s.matchId, event.round(), true, s.roundProblem,
                s.periodStartedAt, event.endedAt(), event.solvers(), event.eliminated(), s.version));
    }

    @EventHandler
    void on(TimeUp event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            s.phase = MatchPhase.CLOSING;
            s.periodStartedAt = event.at();
            s.periodEndsAt = event.graceEndsAt();
            return phase(s);
        });
    }

    @EventHandler
    void on(RepairPhaseStarted event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            s.phase = MatchPhase.REPAIR;
            s.round = 2;
            s.periodStartedAt = event.startedAt();
            s.periodEndsAt = event.endsAt();
            return phase(s);
        });
    }

    @EventHandler
    void on(SubmissionReceived event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            LiveViewState.Status status = s.players.get(event.playerId()).status(event.problemId());
            status.attempts++;
            status.pending++;
            return new MatchSubmissionPayload(s.matchId, event.submissionId(), event.playerId(), event.problemId(), null,
                    event.receivedAt(), s.version);
        });
    }

    @EventHandler
    void on(SubmissionRefused event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> new MatchSubmissionPayload(s.matchId, event.submissionId(),
                event.playerId(), event.problemId(), event.reason(), event.refusedAt(), s.version));
    }

    @EventHandler
    void on(SubmissionJudged event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            LiveViewState.Status status = s.players.get(event.playerId()).status(event.problemId());
            status.pending = Math.max(0, status.pending - 1);
            status.lastVerdict = event.verdict();
            return new MatchVerdictPayload(s.matchId, event.submissionId(), event.playerId(), event.problemId(),
                    event.verdict(), event.testsPassed(), event.testCount(), event.sourceBytes(), event.judgedAt(), s.version);
        });
    }

    @EventHandler
    void on(ProblemSolved event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            LiveViewState.Status status = s.players.get(event.playerId()).status(event.problemId());
            status.solved = true;
            status.lastVerdict = Verdict.AC;
            return null;
        });
    }

    @EventHandler
    void on(ProblemLocked event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            LiveViewState.Problem problem = s.problems.get(event.problemId());
            problem.lockedBy = event.playerId();
            problem.lockedAt = event.lockedAt();
            s.players.get(event.playerId()).score += event.points();
            return new MatchLockoutPayload(s.matchId, event.problemId(), event.playerId(), event.points(), event.lockedAt(),
                    s.version);
        });
    }

    @EventHandler
    void on(GolfBestImproved event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            LiveViewState.Player p = s.players.get(event.playerId());
            p.golfBestBytes = event.bytes();
            p.golfReachedAt = event.reachedAt();
            p.score = event.bytes();
            return new MatchGolfPayload(s.matchId, event.playerId(), event.bytes(), event.reachedAt(), s.version);
        });
    }

    @EventHandler
    void on(PlayerEliminated event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            LiveViewState.Player p = s.players.get(event.playerId());
            p.eliminated = true;
            p.eliminatedRound = event.round();
            p.score = event.round() - 1;
            return new MatchEliminatePayload(s.matchId, event.playerId(), event.round(), event.reason(),
                    event.eliminatedAt(), s.version);
        });
    }

    @EventHandler
    void on(PlayerForfeited event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            s.players.get(event.playerId()).forfeited = true;
            return new MatchForfeitPayload(s.matchId, event.playerId(), event.forfeitedAt(), s.version);
        });
    }

    @EventHandler
    void on(SabotageSubmitted event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> new MatchSabotagePayload(s.matchId, event.submissionId(), event.playerId(),
                MatchSabotagePayload.Status.SUBMITTED, event.changedLines(), null, event.receivedAt(), s.version));
    }

    @EventHandler
    void on(SabotageRefused event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> new MatchSabotagePayload(s.matchId, event.submissionId(), event.playerId(),
                MatchSabotagePayload.Status.REFUSED, 0, event.reason(), event.refusedAt(), s.version));
    }

    @EventHandler
    void on(SabotageAccepted event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            s.players.get(event.playerId()).sabotageAccepted = true;
            return s.toView();
        });
    }

    @EventHandler
    void on(RepairSucceeded event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            LiveViewState.Player p = s.players.get(event.playerId());
            p.repaired = true;
            p.score += event.points();
            return s.toView();
        });
    }

    @EventHandler
    void on(MatchEnded event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            s.phase = MatchPhase.ENDED;
            s.endedAt = event.endedAt();
            s.endReason = event.reason();
            s.periodEndsAt = null;
            for (Standing standing : event.standings()) {
                LiveViewState.Player p = s.players.get(standing.playerId());
                p.place = standing.place();
                p.score = standing.score();
            }
            for (RatingChange change : event.ratingChanges()) {
                s.players.get(change.playerId()).ratingDelta = change.delta();
            }
            return new MatchEndPayload(s.matchId, event.reason(), false, event.standings(), event.ratingChanges(),
                    event.endedAt(), s.version);
        });
    }

    @EventHandler
    void on(MatchCancelled event, @SequenceNumber long sequence, ReplayStatus replay) {
        change(event.matchId(), sequence, replay, s -> {
            s.phase = MatchPhase.CANCELLED;
            s.endedAt = event.cancelledAt();
            s.periodEndsAt = null;
            return new MatchEndPayload(s.matchId, null, true, List.of(), List.of(), event.cancelledAt(), s.version);
        });
    }

    @ResetHandler
    void reset() {
        List<String> keys = new ArrayList<>();
        try (var cursor = redis.scan(ScanOptions.scanOptions().match(LiveKeys.PREFIX + "match:*").count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        keys.add(LiveKeys.LIVE_MATCHES);
        redis.delete(keys);
    }

    private static void seat(LiveViewState s, MatchPlayer mp) {
        LiveViewState.Player p = new LiveViewState.Player();
        p.playerId = mp.playerId();
        p.handle = mp.handle();
        p.rating = mp.rating();
        s.players.put(p.playerId, p);
    }

    private static MatchPhasePayload phase(LiveViewState s) {
        return new MatchPhasePayload(s.matchId, s.phase, s.round, s.periodStartedAt, s.periodEndsAt, s.version);
    }

    /** Applies one event to its match's view unless the view already has it (or the match is not live). */
    private void change(MatchId matchId, long sequence, ReplayStatus replay, Function<LiveViewState, LivePayload> change) {
        Batch batch = batch(replay);
        Optional<LiveViewState> view = batch.views.computeIfAbsent(matchId, this::load);
        if (view.isEmpty() || sequence <= view.get().version) {
            return;
        }
        LiveViewState s = view.get();
        s.version = sequence;
        LivePayload payload = change.apply(s);
        batch.dirty.add(matchId);
        if (payload != null && !replay.isReplay()) {
            batch.messages.add(matchId);
            batch.payloads.add(payload);
        }
    }

    private Optional<LiveViewState> load(MatchId matchId) {
        return parse(matchId, redis.opsForValue().get(LiveKeys.view(matchId)));
    }

    private Optional<LiveViewState> parse(MatchId matchId, String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LiveViewState.of(json.readValue(stored, LiveMatchView.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable live view of " + matchId, e);
        }
    }

    /**
     * A new batch with the views of every match its events belong to read up front, in one MGET, instead of one GET
     * per match as the handlers first touch it. Nothing of the batch is written before it commits, so these are the
     * views each handler would have read. (Every event handled here is a Match aggregate's, whose identifier is the
     * match id, as the views' {@code version} being the aggregate's sequence number already assumes.)
     *
     * <p>A match whose first event (sequence 0) is in the batch is not read: its view is a function of the batch's
     * events alone. Whatever Redis may hold for it (only a view written by an attempt at this same batch whose commit
     * failed, at most one batch ahead of the token) is overwritten by the view as of this batch's events, the state the
     * committed token stands for; the events after them are applied again by the next batch. In a rebuild that is
     * nearly every match of a batch.
     */
    private Batch newBatch() {
        Batch batch = new Batch();
        if (CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> unitOfWork) {
            Set<String> ids = new LinkedHashSet<>();
            for (Message<?> message : unitOfWork.getMessages()) {
                if (message instanceof DomainEventMessage<?> event && HANDLED.contains(event.getPayloadType())) {
                    if (event.getSequenceNumber() == 0) {
                        batch.views.put(MatchId.of(event.getAggregateIdentifier()), Optional.empty());
                    } else if (!batch.views.containsKey(MatchId.of(event.getAggregateIdentifier()))) {
                        ids.add(event.getAggregateIdentifier());
                    }
                }
            }
            if (!ids.isEmpty()) {
                List<String> keys = ids.stream().map(id -> LiveKeys.view(MatchId.of(id))).toList();
                List<String> stored = redis.opsForValue().multiGet(keys);
                int i = 0;
                for (String id : ids) {
                    MatchId matchId = MatchId.of(id);
                    batch.views.put(matchId, parse(matchId, stored.get(i++)));
                }
            }
        }
        return batch;
    }

    /**
     * Sends {@code commands} on the application's shared Redis connection and waits for every reply. They go out back to
     * back, as in a pipeline, but without the dedicated connection Spring Data Redis opens (and closes) for every
     * {@code executePipelined} when there is no connection pool: a TCP connect and handshake per batch, a large part of
     * this projection's cost in a rebuild. A failed command fails the batch (which is then retried).
     */
    private void send(Function<RedisClusterAsyncCommands<byte[], byte[]>, List<RedisFuture<?>>> commands) {
        redis.execute((RedisCallback<Void>) connection -> {
            @SuppressWarnings("unchecked")
            RedisClusterAsyncCommands<byte[], byte[]> shared = (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
            List<RedisFuture<?>> replies = commands.apply(shared);
            if (!LettuceFutures.awaitAll(REPLY_TIMEOUT, replies.toArray(RedisFuture[]::new))) {
                throw new IllegalStateException("Redis did not answer " + replies.size() + " commands within " + REPLY_TIMEOUT);
            }
            return null;
        });
    }

    private Batch batch(ReplayStatus replay) {
        Batch batch = UnitOfWorkBatch.current(BATCH, this::newBatch, this::write);
        if (replay.isReplay() && !batch.replaying) {
            batch.replaying = true;
        } else if (!replay.isReplay() && !batch.publishRegistered) {
            batch.publishRegistered = true;
            UnitOfWorkBatch.afterCommit(() -> publish(batch));
        }
        return batch;
    }

    private void write(Batch batch) {
        if (batch.dirty.isEmpty()) {
            return;
        }
        send(commands -> {
            List<RedisFuture<?>> replies = new ArrayList<>();
            for (MatchId id : batch.dirty) {
                LiveViewState s = batch.views.get(id).orElseThrow();
                byte[] key = bytes(LiveKeys.view(id));
                byte[] member = bytes(id.value());
                if (s.isOver()) {
                    replies.add(commands.zrem(LIVE_MATCHES, member));
                    // Live, a finished match's view is kept for ENDED_VIEW_TTL_SECONDS; replayed, for what is left of
                    // that time since it ended, so a rebuild gives back exactly the views that were there before.
                    long keepSeconds = batch.replaying
                            ? (s.endedAt == null ? 0 : LiveKeys.ENDED_VIEW_TTL_SECONDS - Duration.between(s.endedAt, Instant.now()).toSeconds())
                            : LiveKeys.ENDED_VIEW_TTL_SECONDS;
                    if (keepSeconds > 0) {
                        replies.add(commands.set(key, bytes(toJson(s.toView())), SetArgs.Builder.ex(keepSeconds)));
                    } else {
                        replies.add(commands.del(key));
                    }
                } else {
                    replies.add(commands.set(key, bytes(toJson(s.toView()))));
                    replies.add(commands.zadd(LIVE_MATCHES, s.createdAt.toEpochMilli(), member));
                }
            }
            return replies;
        });
    }

    private void publish(Batch batch) {
        if (batch.payloads.isEmpty()) {
            return;
        }
        send(commands -> {
            List<RedisFuture<?>> replies = new ArrayList<>();
            for (int i = 0; i < batch.payloads.size(); i++) {
                replies.add(commands.publish(bytes(LiveKeys.channel(batch.messages.get(i))),
                        bytes(toJson(LiveMessage.of(batch.payloads.get(i))))));
            }
            return replies;
        });
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final class Batch {
        final Map<MatchId, Optional<LiveViewState>> views = new HashMap<>();
        final Set<MatchId> dirty = new LinkedHashSet<>();
        final List<MatchId> messages = new ArrayList<>();
        final List<LivePayload> payloads = new ArrayList<>();
        boolean replaying;
        boolean publishRegistered;
    }
}
