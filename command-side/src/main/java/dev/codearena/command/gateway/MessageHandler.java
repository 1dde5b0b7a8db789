package dev.codearena.command.gateway;

import reactor.core.publisher.Mono;

/**
 * Handles one client message type. {@link #authorise} runs before bean validation (room rules:
 * who may do this here), {@link #handle} after it; both fail with a
 * {@link dev.codearena.api.error.CodeArenaException} to send a typed error.
 */
interface MessageHandler<T> {

    Class<T> payloadType();

    default Mono<Void> authorise(GatewaySession session, T payload) {
        return Mono.empty();
    }

    Mono<Void> handle(GatewaySession session, String requestId, T payload);

    static <T> MessageHandler<T> of(Class<T> type, Authoriser<T> authoriser, Action<T> action) {
        return new MessageHandler<>() {
            @Override
            public Class<T> payloadType() {
                return type;
            }

            @Override
            public Mono<Void> authorise(GatewaySession session, T payload) {
                return authoriser.authorise(session, payload);
            }

            @Override
            public Mono<Void> handle(GatewaySession session, String requestId, T payload) {
                return action.handle(session, requestId, payload);
            }
        };
    }

    static <T> MessageHandler<T> of(Class<T> type, Action<T> action) {
        return of(type, (s, p) -> Mono.empty(), action);
    }

    @FunctionalInterface
    interface Authoriser<T> {
        Mono<Void> authorise(GatewaySession session, T payload);
    }

    @FunctionalInterface
    interface Action<T> {
        Mono<Void> handle(GatewaySession session, String requestId, T payload);
    }
}
