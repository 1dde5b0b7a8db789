package dev.codearena.command.judging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires judging to Redis and PostgreSQL and sets its retry policy (properties {@code codearena.judging.*}). */
@Configuration(proxyBeanMethods = false)
class JudgingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JudgingConfiguration.class);

    static final String TIMEOUT_TASK = "judge-job-timeouts";

    @Bean
    JudgingPolicy judgingPolicy(@Value("${codearena.judging.result-timeout:PT60S}") Duration timeout,
                                @Value("${codearena.judging.max-attempts:3}") int attempts) {
        return new JudgingPolicy(timeout, attempts);
    }

    /**
     * Opens the shared imperative Redis connection now, while the context starts, instead of on the
     * first job. Spring Data Redis creates the shared imperative and reactive connections under one
     * lock; if the imperative one is first opened while a reactive pipeline (matchmaking, rate
     * limits) asks for the reactive one on a Lettuce event-loop thread, the connect can wait for
     * that very thread, which waits for the lock: a deadlock seen in JudgeJobsIntegrationTest.
     */
    @Bean
    @ConditionalOnMissingBean(JudgeJobPublisher.class)
    JudgeJobPublisher redisJudgeJobPublisher(StringRedisTemplate redis, ObjectMapper json, MeterRegistry meters) {
        try {
            redis.execute((RedisCallback<String>) connection -> connection.ping());
        } catch (RuntimeException e) {
            log.warn("event=redis-not-reachable-at-start cause={}", e.toString());
        }
        return new RedisJudgeJobPublisher(redis, json, meters);
    }

    @Bean
    PendingJudgeJobs pendingJudgeJobs(JdbcTemplate jdbc, ObjectMapper json) {
        return new PendingJudgeJobs(jdbc, json);
    }

    @Bean
    JudgeJobSender judgeJobSender(JudgeJobPublisher publisher) {
        return new JudgeJobSender(publisher);
    }

    @Bean
    JudgeJobDispatcher judgeJobDispatcher(PendingJudgeJobs pending, JudgeJobSender sender, JudgingPolicy policy, Clock clock) {
        return new JudgeJobDispatcher(pending, sender, policy, clock);
    }

    @Bean
    JudgeJobTimeouts judgeJobTimeouts(PendingJudgeJobs pending, JudgeJobPublisher publisher, CommandGateway commands,
                                      JudgingPolicy policy, Clock clock) {
        return new JudgeJobTimeouts(pending, publisher, commands, policy, clock);
    }

    /** One persistent recurring task (db-scheduler runs it on one instance at a time) sweeps overdue jobs. */
    @Bean
    RecurringTask<Void> judgeJobTimeoutTask(JudgeJobTimeouts timeouts,
                                            @Value("${codearena.judging.sweep-interval:PT2S}") Duration interval) {
        return Tasks.recurring(TIMEOUT_TASK, FixedDelay.of(interval)).execute((instance, context) -> timeouts.sweep());
    }

    @Bean
    @ConditionalOnProperty(name = "codearena.judging.results-listener.enabled", havingValue = "true", matchIfMissing = true)
    JudgeResultListener judgeResultListener(StringRedisTemplate redis, ObjectMapper json, CommandGateway commands,
                                            @Value("${codearena.judging.consumer-name:${HOSTNAME:command-side}}") String consumer) {
        return new JudgeResultListener(redis, json, commands, consumer);
    }

    /**
     * Processors that send jobs and commands must not lose an event to a transient failure: errors
     * propagate, so the tracking processor retries the batch instead of logging and moving on.
     */
    @Bean
    ConfigurerModule judgingErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(JudgeJobDispatcher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler("match-finalisation", c -> PropagatingErrorHandler.instance()));
    }
}
