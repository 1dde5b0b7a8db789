package dev.codearena.command.judging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires the judging saga to Redis and sets its retry policy (properties {@code codearena.judging.*}). */
@Configuration(proxyBeanMethods = false)
class JudgingConfiguration {

    @Bean
    JudgingPolicy judgingPolicy(@Value("${codearena.judging.result-timeout:PT60S}") Duration timeout,
                                @Value("${codearena.judging.max-attempts:3}") int attempts) {
        return new JudgingPolicy(timeout, attempts);
    }

    @Bean
    @ConditionalOnMissingBean(JudgeJobPublisher.class)
    JudgeJobPublisher redisJudgeJobPublisher(StringRedisTemplate redis, ObjectMapper json, MeterRegistry meters) {
        return new RedisJudgeJobPublisher(redis, json, meters);
    }

    @Bean
    @ConditionalOnProperty(name = "codearena.judging.results-listener.enabled", havingValue = "true", matchIfMissing = true)
    JudgeResultListener judgeResultListener(StringRedisTemplate redis, ObjectMapper json, CommandGateway commands,
                                            @Value("${codearena.judging.consumer-name:${HOSTNAME:command-side}}") String consumer) {
        return new JudgeResultListener(redis, json, commands, consumer);
    }

    /**
     * Sagas that send commands must not lose an event to a transient failure: errors propagate, so the
     * tracking processor retries the event instead of logging and moving on.
     */
    @Bean
    ConfigurerModule sagaErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(JudgingSaga.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler("match-finalisation", c -> PropagatingErrorHandler.instance()));
    }
}
