package dev.codearena.command.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Delivers one frame to many members. Members whose connection lives on a known network event loop
 * are grouped by that loop and each loop gets ONE task that writes the frame to all of its members:
 * the writes then happen on the connection's own thread (no per-message hand-over and wake-up of the
 * loop, which is what made a tick to 2,000 spectators slow), and the loops work in parallel. Members
 * without a known loop (RSocket) are sent to directly on the calling thread, as before.
 */
final class FanOut {

    private FanOut() {
    }

    static void deliver(Collection<? extends Member> members, String frame) {
        Map<Executor, List<Member>> byLoop = null;
        for (Member member : members) {
            Executor loop = member.deliveryLoop();
            if (loop == null) {
                member.send(frame);
                continue;
            }
            if (byLoop == null) {
                byLoop = new IdentityHashMap<>(8);
            }
            byLoop.computeIfAbsent(loop, l -> new ArrayList<>(members.size())).add(member);
        }
        if (byLoop == null) {
            return;
        }
        byLoop.forEach((loop, group) -> {
            try {
                loop.execute(() -> group.forEach(m -> m.send(frame)));
            } catch (RejectedExecutionException shuttingDown) {
                group.forEach(m -> m.send(frame));
            }
        });
    }
}
