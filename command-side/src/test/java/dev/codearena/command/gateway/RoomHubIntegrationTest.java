package dev.codearena.command.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * {@link RoomHub} on a real Redis: one subscription for all rooms routes each message to its own
 * room only, rooms are subscribed while they have members, and closing and reopening a room at once
 * (a player who reconnects) leaves it subscribed.
 */
@EmbeddedInfrastructureTest
class RoomHubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private LettuceConnectionFactory factory;
    private ReactiveStringRedisTemplate redis;
    private RoomHub hub;

    @BeforeEach
    void start() {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("localhost",
                EmbeddedInfrastructureExtension.infrastructure().redisPort()));
        factory.afterPropertiesSet();
        factory.start();
        redis = new ReactiveStringRedisTemplate(factory);
        hub = new RoomHub(factory, redis);
        hub.start();
    }

    @AfterEach
    void stop() {
        hub.stop();
        factory.destroy();
    }

    @Test
    void eachMessageReachesTheMembersOfItsOwnRoomOnly() throws Exception {
        List<Recorder> members = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Recorder member = new Recorder();
            members.add(member);
            hub.join(channel(i), member).block(WAIT);
        }
        Recorder second = new Recorder();
        hub.join(channel(7), second).block(WAIT);

        assertThat(hub.publish(channel(7), "to seven").block(WAIT)).isEqualTo(1L); // one subscriber: this instance
        hub.publish(channel(8), "to eight").block(WAIT);

        awaitFrames(members.get(8), 1);
        awaitFrames(second, 1);
        assertThat(members.get(7).frames).containsExactly("to seven");
        assertThat(second.frames).containsExactly("to seven");
        assertThat(members.get(8).frames).containsExactly("to eight");
        for (int i = 0; i < members.size(); i++) {
            if (i != 7 && i != 8) {
                assertThat(members.get(i).frames).as("room %d", i).isEmpty();
            }
        }
    }

    @Test
    void aRoomStaysSubscribedWhileItHasMembersAndIsUnsubscribedAfterTheLast() throws Exception {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        hub.join("room:a", first).block(WAIT);
        hub.join("room:a", second).block(WAIT);
        hub.leave("room:a", first);
        assertThat(subscribers("room:a")).isEqualTo(1);
        hub.publish("room:a", "still here").block(WAIT);
        awaitFrames(second, 1);
        assertThat(first.frames).isEmpty();

        hub.leave("room:a", second);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (subscribers("room:a") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(subscribers("room:a")).isZero();
        assertThat(hub.publish("room:a", "gone").block(WAIT)).isZero();
    }

    @Test
    void closingAndReopeningARoomAtOnceLeavesItSubscribed() throws Exception {
        for (int round = 0; round < 50; round++) {
            Recorder member = new Recorder();
            hub.join("room:again", member).block(WAIT);
            hub.leave("room:again", member);
            Recorder next = new Recorder();
            hub.join("room:again", next).block(WAIT); // UNSUBSCRIBE and SUBSCRIBE go out back to back
            hub.publish("room:again", "round " + round).block(WAIT);
            awaitFrames(next, 1);
            assertThat(next.frames).containsExactly("round " + round);
            hub.leave("room:again", next);
        }
    }

    /** Subscribers of the channel in Redis ({@code PUBSUB NUMSUB}). */
    private long subscribers(String channel) {
        try (var connection = ((io.lettuce.core.RedisClient) factory.getRequiredNativeClient()).connect()) {
            return connection.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
        }
    }

    private static String channel(int i) {
        return "room:test:" + i;
    }

    private static void awaitFrames(Recorder member, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (member.frames.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100); // and nothing more arrives
        assertThat(member.frames).hasSize(count);
    }

    private static final class Recorder implements Member {
        final List<String> frames = new CopyOnWriteArrayList<>();

        @Override
        public void send(String frame) {
            frames.add(frame);
        }
    }
}
