package dev.codearena.command.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.channel.VoidChannelPromise;
import java.util.concurrent.RejectedExecutionException;

/**
 * The outbound side of one WebSocket connection, written straight to its Netty channel with frames
 * encoded by the gateway: a server's frames are not masked, so one encoded text frame (header and
 * payload) is the same bytes for every connection, and a room's message is encoded once and shared
 * by all of its members ({@link FanOut}) instead of going through a Reactor chain and a frame
 * encoder per connection.
 * <p>
 * Order: every frame of the connection, whoever sends it, is written by a task on the channel's
 * event loop, queued when it is sent ({@link #send}, {@link FanOut}); the loop runs its tasks in the
 * order they were queued, so a frame never overtakes one sent before it on the same connection.
 * <p>
 * Slow readers: a connection with {@code maxPendingFrames} frames already handed to Netty but not
 * yet taken by its socket is closed (the client reconnects and gets {@code match:state}), so one
 * slow client never grows the server's memory or slows the others.
 */
final class WebSocketOutbound {

    private static final int OPCODE_TEXT_FINAL = 0x81;

    private final Channel channel;
    private final int maxPendingFrames;
    /** Frames still queued when the connection closes are dropped quietly: the client gets match:state on reconnect. */
    private final VoidChannelPromise quiet;
    private volatile boolean overflowed;

    WebSocketOutbound(Channel channel, int maxPendingFrames) {
        this.channel = channel;
        this.maxPendingFrames = maxPendingFrames;
        this.quiet = new VoidChannelPromise(channel, false);
    }

    /** A complete, unmasked WebSocket text frame carrying {@code text} (RFC 6455 section 5.2). */
    static ByteBuf textFrame(ByteBufAllocator allocator, String text) {
        int length = ByteBufUtil.utf8Bytes(text);
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuf frame = allocator.buffer(header + length);
        frame.writeByte(OPCODE_TEXT_FINAL);
        if (length < 126) {
            frame.writeByte(length);
        } else if (length <= 0xFFFF) {
            frame.writeByte(126).writeShort(length);
        } else {
            frame.writeByte(127).writeLong(length);
        }
        ByteBufUtil.reserveAndWriteUtf8(frame, text, length);
        return frame;
    }

    EventLoop loop() {
        return channel.eventLoop();
    }

    ByteBufAllocator allocator() {
        return channel.alloc();
    }

    /** From any thread: queues the frame behind everything sent to this connection before it. */
    void send(String text) {
        ByteBuf frame = textFrame(channel.alloc(), text);
        try {
            channel.eventLoop().execute(() -> {
                if (write(frame)) {
                    channel.flush();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            frame.release();
        }
    }

    /**
     * On the channel's event loop: writes the frame (taking over its reference) without flushing;
     * {@code false} when the connection is gone or was just closed for being too slow.
     */
    boolean write(ByteBuf frame) {
        if (overflowed || !channel.isActive()) {
            frame.release();
            return false;
        }
        ChannelOutboundBuffer pending = channel.unsafe().outboundBuffer();
        if (pending != null && pending.size() >= maxPendingFrames) {
            frame.release();
            overflowed = true;
            channel.close(); // too slow a reader: it reconnects and gets match:state
            return false;
        }
        channel.write(frame, quiet);
        return true;
    }

    /** On the channel's event loop: hands what was written to the socket. */
    void flush() {
        channel.flush();
    }

    boolean isOpen() {
        return !overflowed && channel.isActive();
    }
}
