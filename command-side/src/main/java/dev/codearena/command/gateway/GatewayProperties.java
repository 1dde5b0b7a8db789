package dev.codearena.command.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code codearena.gateway.*}.
 *
 * @param maxFrameBytes    largest inbound frame the gateway reads; bigger ones get {@code MESSAGE_TOO_LARGE}
 *                         (frames over {@code 4 x maxFrameBytes} are cut by the transport: close code 1009)
 * @param rateLimits       per message type, {@code "<count>/<duration>"}, e.g. {@code match:submit: 1/2s};
 *                         types not listed use {@code defaultRateLimit}
 * @param defaultRateLimit the limit of every other type (a flood guard)
 * @param rsocketTcpPort   RSocket over TCP (beside RSocket over WebSocket on {@code /rsocket}), e.g. 7000; 0 picks
 *                         a free port; off (negative) unless configured, so several instances on one host never clash
 * @param outboundBuffer   frames queued for one slow client before it is disconnected (a WebSocket: frames its
 *                         channel holds that its socket has not taken yet; an RSocket connection: its queue)
 * @param tickInterval     period of {@code match:tick}
 */
@ConfigurationProperties("codearena.gateway")
public record GatewayProperties(
        Integer maxFrameBytes,
        Map<String, String> rateLimits,
        String defaultRateLimit,
        Integer rsocketTcpPort,
        Integer outboundBuffer,
        Duration tickInterval) {

    public GatewayProperties {
        maxFrameBytes = maxFrameBytes == null ? 192 * 1024 : maxFrameBytes;
        Map<String, String> limits = new LinkedHashMap<>();
        limits.put("match:submit", "1/2s");
        limits.put("chat:send", "10/10s");
        if (rateLimits != null) {
            limits.putAll(rateLimits);
        }
        rateLimits = Map.copyOf(limits);
        defaultRateLimit = defaultRateLimit == null ? "30/10s" : defaultRateLimit;
        rsocketTcpPort = rsocketTcpPort == null ? -1 : rsocketTcpPort;
        outboundBuffer = outboundBuffer == null ? 4096 : outboundBuffer;
        tickInterval = tickInterval == null ? Duration.ofSeconds(1) : tickInterval;
    }
}
