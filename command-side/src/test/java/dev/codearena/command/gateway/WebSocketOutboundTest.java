package dev.codearena.command.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WebSocketOutbound} and {@link FanOut} on real sockets: the frames the gateway encodes
 * itself are whole, valid server frames (read here by a plain frame parser), frames sent from
 * different threads and through a room keep each sender's order, and a reader that falls behind is
 * disconnected instead of piling up frames in the server.
 */
class WebSocketOutboundTest {

    private final BlockingQueue<Channel> accepted = new LinkedBlockingQueue<>();
    private NioEventLoopGroup loops;
    private Channel server;

    @BeforeEach
    void start() throws InterruptedException {
        loops = new NioEventLoopGroup(2);
        server = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.SO_SNDBUF, 8192)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        accepted.add(channel);
                    }
                })
                .bind(0).sync().channel();
    }

    @AfterEach
    void stop() {
        server.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void framesArriveWholeAndEachSendersFramesInTheOrderSent() throws Exception {
        try (Socket client = connect(0)) {
            WebSocketOutbound socket = new WebSocketOutbound(accepted.poll(5, TimeUnit.SECONDS), 100_000);
            Member member = new Member() {
                @Override
                public void send(String frame) {
                    socket.send(frame);
                }

                @Override
                public WebSocketOutbound webSocket() {
                    return socket;
                }
            };
            int each = 2_000;
            String large = "x".repeat(70_000); // a 64-bit length
            String medium = "m".repeat(300); // a 16-bit length
            Thread direct = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    member.send("direct-" + i + (i % 500 == 0 ? large : ""));
                }
            });
            Thread room = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    FanOut.deliver(List.of(member), "room-" + i + (i % 100 == 0 ? medium : ""));
                }
            });
            direct.start();
            room.start();

            DataInputStream in = new DataInputStream(client.getInputStream());
            List<String> frames = new ArrayList<>();
            for (int i = 0; i < 2 * each; i++) {
                frames.add(readTextFrame(in));
            }
            direct.join();
            room.join();

            assertThat(frames.stream().filter(f -> f.startsWith("direct-")).map(f -> f.replace(large, "")))
                    .containsExactly(sequence("direct-", each));
            assertThat(frames.stream().filter(f -> f.startsWith("room-")).map(f -> f.replace(medium, "")))
                    .containsExactly(sequence("room-", each));
            assertThat(frames).filteredOn(f -> f.length() > 60_000).hasSize(each / 500)
                    .allSatisfy(f -> assertThat(f).endsWith(large));
        }
    }

    @Test
    void aReaderThatFallsBehindIsDisconnectedAndTheOthersAreServed() throws Exception {
        try (Socket stalled = connect(4096); Socket reading = connect(0)) {
            // the server's side of each socket (accepted on two event loops: in either order)
            Channel first = accepted.poll(5, TimeUnit.SECONDS);
            Channel second = accepted.poll(5, TimeUnit.SECONDS);
            boolean firstIsStalled = ((InetSocketAddress) first.remoteAddress()).getPort() == stalled.getLocalPort();
            Channel stalledChannel = firstIsStalled ? first : second;
            Channel readingChannel = firstIsStalled ? second : first;
            assertThat(((InetSocketAddress) readingChannel.remoteAddress()).getPort()).isEqualTo(reading.getLocalPort());
            WebSocketOutbound slow = new WebSocketOutbound(stalledChannel, 64);
            WebSocketOutbound fine = new WebSocketOutbound(readingChannel, 64);
            Member slowMember = member(slow);
            Member fineMember = member(fine);
            String kilobyte = "k".repeat(1024);
            DataInputStream in = new DataInputStream(reading.getInputStream());
            int sent = 0;
            while (stalledChannel.isActive() && sent < 50_000) {
                FanOut.deliver(List.of(slowMember, fineMember), sent + ":" + kilobyte);
                assertThat(readTextFrame(in)).isEqualTo(sent + ":" + kilobyte); // this one keeps up
                sent++;
            }
            assertThat(stalledChannel.closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(slow.isOpen()).isFalse();
            assertThat(fine.isOpen()).isTrue();
            assertThat(sent).as("frames sent before the stalled reader was cut off").isLessThan(50_000);
        }
    }

    private static Member member(WebSocketOutbound socket) {
        return new Member() {
            @Override
            public void send(String frame) {
                socket.send(frame);
            }

            @Override
            public WebSocketOutbound webSocket() {
                return socket;
            }
        };
    }

    private Socket connect(int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("localhost", ((InetSocketAddress) server.localAddress()).getPort()), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String[] sequence(String prefix, int count) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = prefix + i;
        }
        return out;
    }

    /** One unmasked, unfragmented text frame as RFC 6455 section 5.2 lays it out. */
    private static String readTextFrame(DataInputStream in) throws IOException {
        int first = in.readUnsignedByte();
        assertThat(first).as("FIN + text opcode").isEqualTo(0x81);
        int second = in.readUnsignedByte();
        assertThat(second & 0x80).as("server frames are not masked").isZero();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }
}
