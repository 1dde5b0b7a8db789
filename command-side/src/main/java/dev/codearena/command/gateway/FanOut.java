package dev.codearena.command.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * Delivers one frame to many members. The frame is encoded as a WebSocket frame ONCE; the WebSocket
 * members are grouped by their channel's event loop and each loop gets one task that writes a
 * duplicate of those shared bytes to each of its members and then flushes them (one socket write
 * each): no per-member encoding, copy, Reactor chain or hand-over to the loop, and the loops work in
 * parallel. Since every frame of a WebSocket connection goes through a task on its loop (see
 * {@link WebSocketOutbound}), a room's frame keeps its place among the connection's other frames.
 * Other members (RSocket) get the string through {@link Member#send} on the calling thread.
 */
final class FanOut {

    private FanOut() {
    }

    static void deliver(Collection<? extends Member> members, String frame) {
        Map<EventLoop, List<WebSocketOutbound>> byLoop = null;
        WebSocketOutbound any = null;
        for (Member member : members) {
            WebSocketOutbound socket = member.webSocket();
            if (socket == null) {
                member.send(frame);
                continue;
            }
            if (byLoop == null) {
                byLoop = new IdentityHashMap<>(8);
            }
            any = socket;
            byLoop.computeIfAbsent(socket.loop(), l -> new ArrayList<>(members.size())).add(socket);
        }
        if (byLoop == null) {
            return;
        }
        ByteBuf encoded = WebSocketOutbound.textFrame(any.allocator(), frame);
        try {
            byLoop.forEach((loop, sockets) -> {
                ByteBuf shared = encoded.retainedDuplicate();
                try {
                    loop.execute(() -> writeAll(sockets, shared));
                } catch (RejectedExecutionException shuttingDown) {
                    shared.release();
                }
            });
        } finally {
            encoded.release();
        }
    }

    /** On the sockets' event loop: writes the frame to every socket, then flushes each once. */
    private static void writeAll(List<WebSocketOutbound> sockets, ByteBuf frame) {
        try {
            for (WebSocketOutbound socket : sockets) {
                socket.write(frame.retainedDuplicate());
            }
            for (WebSocketOutbound socket : sockets) {
                socket.flush();
            }
        } finally {
            frame.release();
        }
    }
}
