package dev.codearena.command.clan;

import dev.codearena.command.http.RestSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Clan commands over REST and the membership lookup that keeps a player in one clan. */
@Configuration(proxyBeanMethods = false)
class ClanConfiguration {

    @Bean
    ClanMembershipLookup clanMembershipLookup(JdbcTemplate jdbc) {
        return new ClanMembershipLookup(jdbc);
    }

    /**
     * Subscribing, with errors propagated: the lookup is written in the command's own transaction,
     * and a refused row (a second clan) must fail the command instead of being logged and skipped.
     */
    @Bean
    ConfigurerModule clanMembershipProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(ClanMembershipLookup.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ClanMembershipLookup.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }

    @Bean
    RouterFunction<ServerResponse> clanRouter(CommandGateway commands, ClanMembershipLookup lookup, RestSupport rest) {
        ClanRoutes routes = new ClanRoutes(commands, lookup, rest);
        return RouterFunctions.route()
                .POST("/api/clans", routes::create)
                .POST("/api/clans/{clanId}/invitations", routes::invite)
                .POST("/api/clans/{clanId}/join", routes::join)
                .POST("/api/clans/{clanId}/leave", routes::leave)
                .PUT("/api/clans/{clanId}/members/{playerId}/role", routes::changeRole)
                .DELETE("/api/clans/{clanId}/members/{playerId}", routes::remove)
                .DELETE("/api/clans/{clanId}", routes::disband)
                .GET("/api/me/clan", routes::mine)
                .build();
    }
}
