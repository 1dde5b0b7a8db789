package dev.codearena.command.matchmaking;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.command.gateway.MatchRosters;
import dev.codearena.command.gateway.UserNotifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Queues, the periodic pass, private lobbies and the lookups they read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchmakingProperties.class)
class MatchmakingConfiguration {

    @Bean
    MatchmakingLookups matchmakingLookups(JdbcTemplate jdbc) {
        return new MatchmakingLookups(jdbc);
    }

    @Bean
    MatchQueue matchQueue(ReactiveStringRedisTemplate redis) {
        return new MatchQueue(redis);
    }

    @Bean
    MatchStarter matchStarter(CommandGateway commands, MatchmakingLookups lookups, MatchRosters rosters,
                              UserNotifier notifier, ObjectProvider<Clock> clock, MatchQueue queue) {
        return new MatchStarter(commands, lookups, rosters, notifier, clock.getIfAvailable(Clock::systemUTC), queue);
    }

    @Bean
    Matchmaker matchmaker(MatchQueue queue, MatchStarter starter, MatchmakingProperties properties,
                          ObjectProvider<Clock> clock, MeterRegistry meters) {
        return new Matchmaker(queue, starter, properties, clock.getIfAvailable(Clock::systemUTC), meters);
    }

    @Bean
    Matchmaking matchmaking(MatchQueue queue, MatchmakingLookups lookups, MatchStarter starter, UserNotifier notifier,
                            ReactiveStringRedisTemplate redis, ObjectMapper mapper, ObjectProvider<Clock> clock) {
        return new Matchmaking(queue, lookups, starter, notifier, redis, mapper, clock.getIfAvailable(Clock::systemUTC));
    }
}
