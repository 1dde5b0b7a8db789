package dev.codearena.command.config;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** Beans of the write side that are not tied to one aggregate or saga. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:codearena-command-side.properties")
class CommandSideConfiguration {

    /** The server's clock: the only source of time for aggregates and sagas (handler parameter). */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Keeps loaded Match aggregates in memory between commands, so a busy match is not re-read from the
     * event store for every submission (see docs/benchmarks.md, "Match engine"). Bounded: a live match
     * is a few kilobytes to a few hundred (sources of sabotages), and idle ones leave after a while.
     * Used optimistically: an entry another instance has made stale costs a retry on the stored
     * aggregate, never a wrong outcome ({@link OptimisticAggregateCache}).
     */
    @Bean
    Cache matchCache(@Value("${codearena.match-cache.maximum-size:20000}") long maximumSize,
                     @Value("${codearena.match-cache.expire-after-access:PT30M}") Duration expireAfterAccess) {
        return new OptimisticAggregateCache(new AggregateCache(maximumSize, expireAfterAccess));
    }

    /**
     * The application's command gateway: a command's first attempt may use a cached aggregate, and one
     * whose outcome may be that of a stale aggregate runs again on the stored one ({@link FreshStateRetry}).
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, EventStore eventStore) {
        commandBus.registerHandlerInterceptor(OptimisticAggregateCache.verification());
        eventStore.registerDispatchInterceptor(OptimisticAggregateCache.appendMarker());
        return DefaultCommandGateway.builder().commandBus(new FreshStateRetry(commandBus)).build();
    }

    /** Used by the Match aggregate ({@code @Aggregate(commandTargetResolver = ...)}): the busiest command target. */
    @Bean
    CommandTargetResolver matchTargetResolver() {
        return new CachingCommandTargetResolver();
    }

    /**
     * The drift gauge is in-memory: it subscribes (same thread as the command) so it counts every match
     * ended by this process without a persisted token that would outlive the gauge's value.
     */
    @Bean
    ConfigurerModule ratingDriftProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSubscribingEventProcessor("rating-drift"));
    }
}
