package dev.codearena.command.judging;

import dev.codearena.api.judge.JudgeJob;

/** Where judge jobs go (the Redis stream {@code JudgeChannels.JOBS} in production). */
public interface JudgeJobPublisher {

    /** Enqueues the job; returns when the queue has accepted it. Publishing the same job twice is harmless. */
    void publish(JudgeJob job);
}
