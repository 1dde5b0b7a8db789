package dev.codearena.command.gateway;

import io.rsocket.core.RSocketServer;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;

/**
 * RSocket over TCP on {@code codearena.gateway.rsocket-tcp-port}, served by the same message handler
 * (same routes, same authentication) as RSocket over WebSocket on {@code /rsocket}.
 */
final class RSocketTcpServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RSocketTcpServer.class);

    private final RSocketMessageHandler handler;
    private final int port;
    private volatile CloseableChannel channel;

    RSocketTcpServer(RSocketMessageHandler handler, int port) {
        this.handler = handler;
        this.port = port;
    }

    @Override
    public void start() {
        channel = RSocketServer.create(handler.responder())
                .bind(TcpServerTransport.create("0.0.0.0", port))
                .block();
        log.info("RSocket over TCP on port {}", boundPort());
    }

    int boundPort() {
        CloseableChannel current = channel;
        return current == null ? -1 : current.address().getPort();
    }

    @Override
    public void stop() {
        CloseableChannel current = channel;
        if (current != null) {
            current.dispose();
        }
        channel = null;
    }

    @Override
    public boolean isRunning() {
        return channel != null;
    }
}
