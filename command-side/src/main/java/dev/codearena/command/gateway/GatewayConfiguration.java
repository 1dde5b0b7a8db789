package dev.codearena.command.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.command.auth.AccessTokens;
import dev.codearena.command.chat.ChatService;
import dev.codearena.command.matchmaking.Matchmaking;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

/** The real-time gateway: WebSocket on {@code /ws}, RSocket (WebSocket and TCP), rooms, ticks, limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration {

    static final String WEBSOCKET_PATH = "/ws";

    @Bean
    Frames gatewayFrames(ObjectMapper mapper) {
        return new Frames(mapper);
    }

    @Bean(destroyMethod = "destroyLater")
    ReactiveRedisMessageListenerContainer gatewayListenerContainer(ReactiveRedisConnectionFactory factory) {
        return new ReactiveRedisMessageListenerContainer(factory);
    }

    @Bean
    RoomHub roomHub(ReactiveRedisConnectionFactory factory, ReactiveStringRedisTemplate redis) {
        return new RoomHub(factory, redis);
    }

    @Bean
    Sessions gatewaySessions(MeterRegistry meters) {
        return new Sessions(meters);
    }

    @Bean
    MatchRosters matchRosters(ReactiveStringRedisTemplate redis) {
        return new MatchRosters(redis);
    }

    @Bean
    LiveViews liveViews(ReactiveStringRedisTemplate redis) {
        return new LiveViews(redis);
    }

    @Bean
    RateLimiter rateLimiter(ReactiveStringRedisTemplate redis, GatewayProperties properties) {
        return new RateLimiter(redis, properties.rateLimits(), properties.defaultRateLimit());
    }

    @Bean
    MatchHandlers matchHandlers(RoomHub rooms, MatchRosters rosters, LiveViews views, CommandGateway commands,
                                Frames gatewayFrames, ReactiveStringRedisTemplate redis,
                                org.axonframework.eventsourcing.eventstore.EventStore eventStore, ChatHistories chatHistories) {
        return new MatchHandlers(rooms, rosters, views, commands, gatewayFrames, redis, new SabotageCodes(eventStore), chatHistories);
    }

    @Bean
    UserNotifier userNotifier(ReactiveStringRedisTemplate redis, ObjectMapper mapper) {
        return new UserNotifier(redis, mapper);
    }

    @Bean
    LobbyHandlers lobbyHandlers(Matchmaking matchmaking, Frames gatewayFrames) {
        return new LobbyHandlers(matchmaking, gatewayFrames);
    }

    /**
     * Recent messages sent on entering a chat channel ({@code codearena.chat.history-size}, 50; 0 turns it off),
     * kept in memory per room and filled from the store again every {@code codearena.chat.history-refill}.
     */
    @Bean
    ChatHistories chatHistories(ChatService chat, Frames gatewayFrames,
                                @org.springframework.beans.factory.annotation.Value("${codearena.chat.history-size:50}") int size,
                                @org.springframework.beans.factory.annotation.Value("${codearena.chat.history-refill:PT5M}")
                                java.time.Duration refill, RoomHub roomHub) {
        return new ChatHistories(chat, gatewayFrames, size, roomHub, refill);
    }

    @Bean
    ChatHandlers chatHandlers(ChatService chat, MatchRosters rosters, Frames gatewayFrames) {
        return new ChatHandlers(chat, rosters, gatewayFrames);
    }

    @Bean
    MessagePipeline messagePipeline(List<MessageHandlers> groups, RateLimiter rateLimiter, Validator validator,
                                    Frames gatewayFrames, GatewayProperties properties) {
        return new MessagePipeline(groups, rateLimiter, validator, gatewayFrames, properties.maxFrameBytes());
    }

    @Bean
    Connections gatewayConnections(Sessions sessions, RoomHub rooms, MessagePipeline pipeline, Frames gatewayFrames,
                                   ObjectProvider<Clock> clock, GatewayProperties properties, ReactiveStringRedisTemplate redis,
                                   ChatHistories chatHistories) {
        return new Connections(sessions, rooms, pipeline, gatewayFrames, clock.getIfAvailable(Clock::systemUTC),
                properties.outboundBuffer(), redis, chatHistories);
    }

    @Bean
    MatchTicker matchTicker(RoomHub rooms, LiveViews views, Frames gatewayFrames, ObjectProvider<Clock> clock,
                            GatewayProperties properties) {
        return new MatchTicker(rooms, views, gatewayFrames, clock.getIfAvailable(Clock::systemUTC), properties.tickInterval());
    }

    @Bean
    JudgeProgressRelay judgeProgressRelay(ReactiveRedisMessageListenerContainer gatewayListenerContainer, Sessions sessions,
                                          Frames gatewayFrames) {
        return new JudgeProgressRelay(gatewayListenerContainer, sessions, gatewayFrames);
    }

    @Bean
    HandshakeAuthentication handshakeAuthentication(AccessTokens tokens, ObjectMapper mapper) {
        return new HandshakeAuthentication(tokens, mapper);
    }

    @Bean
    HandlerMapping gatewayWebSocketMapping(Connections connections, AccessTokens tokens) {
        // order -1: before the annotated controllers and RSocket's own /rsocket route (stack-notes 9)
        return new SimpleUrlHandlerMapping(Map.of(WEBSOCKET_PATH, new WebSocketGateway(connections, tokens)), -1);
    }

    /** Lets frames up to 4x the application limit through the transport so they get a typed error, not a hang-up. */
    @Bean
    WebFluxConfigurer gatewayWebSocketService(GatewayProperties properties) {
        return new WebFluxConfigurer() {
            @Override
            public WebSocketService getWebSocketService() {
                HandshakeWebSocketService service = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                        () -> WebsocketServerSpec.builder().maxFramePayloadLength(properties.maxFrameBytes() * 4)));
                return service;
            }
        };
    }

    @Bean
    @ConditionalOnExpression("${codearena.gateway.rsocket-tcp-port:-1} >= 0")
    RSocketTcpServer rsocketTcpServer(RSocketMessageHandler handler, GatewayProperties properties) {
        return new RSocketTcpServer(handler, properties.rsocketTcpPort());
    }
}
