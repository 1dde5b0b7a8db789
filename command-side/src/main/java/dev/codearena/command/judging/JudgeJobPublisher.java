package dev.codearena.command.judging;

import dev.codearena.api.judge.JudgeJob;
import java.util.List;

/** Where judge jobs go (the Redis stream {@code JudgeChannels.JOBS} in production). */
public interface JudgeJobPublisher {

    /** Enqueues the job; returns when the queue has accepted it. Publishing the same job twice is harmless. */
    void publish(JudgeJob job);

    /**
     * Enqueues several jobs already serialised as JSON (the body the queue carries), in this order;
     * implementations may send them in one round trip.
     */
    void publishSerialized(List<String> jsonBodies);
}
