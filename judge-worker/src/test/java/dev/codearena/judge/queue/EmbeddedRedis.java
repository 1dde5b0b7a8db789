package dev.codearena.judge.queue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A real redis-server (6.2) on a free port, for one test class. */
final class EmbeddedRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    EmbeddedRedis() throws IOException {
        this.port = freePort();
        this.server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").setting("appendonly no").build();
        server.start();
    }

    int port() {
        return port;
    }

    RedisClient client() {
        return RedisClient.create(RedisURI.create("127.0.0.1", port));
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
