package dev.codearena.command.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.JudgeChannels;
import dev.codearena.api.judge.JudgeProgress;
import dev.codearena.api.wire.TestVerdict;
import dev.codearena.api.wire.WireProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;

/**
 * Per-test results from the judges ({@link JudgeChannels#PROGRESS}) to the submitting player's
 * connections on this instance that are in that match as a player, and to nobody else: opponents
 * and spectators see only final verdicts, never per-test detail of someone else's code.
 */
final class JudgeProgressRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JudgeProgressRelay.class);

    private final ReactiveRedisMessageListenerContainer container;
    private final Sessions sessions;
    private final Frames frames;
    private final ObjectMapper mapper;
    private volatile Disposable subscription;

    JudgeProgressRelay(ReactiveRedisMessageListenerContainer container, Sessions sessions, Frames frames) {
        this.container = container;
        this.sessions = sessions;
        this.frames = frames;
        this.mapper = frames.mapper();
    }

    @Override
    public void start() {
        subscription = container.receive(ChannelTopic.of(JudgeChannels.PROGRESS))
                .map(ReactiveSubscription.Message::getMessage)
                .subscribe(this::relay, e -> log.warn("judge progress relay stopped", e));
    }

    void relay(String json) {
        JudgeProgress progress;
        try {
            progress = mapper.readValue(json, JudgeProgress.class);
        } catch (Exception e) {
            log.debug("unreadable judge progress: {}", json);
            return;
        }
        if (progress.playerId() == null || progress.matchId() == null || progress.test() == null) {
            return;
        }
        String frame = frames.push(WireProtocol.MATCH_VERDICT, new TestVerdict(TestVerdict.STAGE_TEST,
                progress.submissionId(), progress.matchId(), progress.testIndex(), progress.testCount(),
                progress.test().verdict(), progress.test().cpuMs(), progress.test().wallMs(), progress.test().memoryKb()));
        sessions.of(progress.playerId())
                .filter(s -> s.playing().contains(progress.matchId()))
                .forEach(s -> s.send(frame));
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        subscription = null;
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
