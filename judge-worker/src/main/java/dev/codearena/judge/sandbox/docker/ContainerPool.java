package dev.codearena.judge.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import dev.codearena.judge.sandbox.SandboxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code poolSize} containers started, supervisor ready, so a session never waits for a
 * container. A container serves exactly one session and is then destroyed (never reset and
 * reused: nothing one submission did can reach the next); its replacement starts in the
 * background as soon as it is taken.
 */
final class ContainerPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ContainerPool.class);

    private final DockerClient docker;
    private final DockerSandboxSettings settings;
    private final String seccompProfile;
    private final Path supervisorBinary;
    private final Path slotsDir;
    private final String owner;
    private final LinkedBlockingDeque<WarmContainer> ready = new LinkedBlockingDeque<>();
    private final AtomicInteger starting = new AtomicInteger();
    private final AtomicLong counter = new AtomicLong();
    private final BitSet usedUidSlots = new BitSet(DockerSandboxSettings.UID_SLOTS);
    private final ExecutorService starter;
    private final ExecutorService remover;
    /**
     * Containers alive at once: ready, in use, or waiting to be removed. Each live container holds
     * its supervisor's attached exec connection, so without this bound sessions opened faster than
     * containers are removed (an idle machine running short tests) pile containers up until the
     * Docker client's connection pool is exhausted and start and remove both wait forever.
     */
    static final int MAX_LIVE_CONTAINERS = 24;
    /** Docker client connections: one per live container plus headroom for create/start/remove calls. */
    static final int DOCKER_CONNECTIONS = MAX_LIVE_CONTAINERS * 2 + 16;
    private static final long LIVE_SLOT_WAIT_SECONDS = 120;
    private final Semaphore liveContainers = new Semaphore(MAX_LIVE_CONTAINERS);
    private final Optional<HostCgroups> memoryCgroups = HostCgroups.find("memory");
    private final Optional<HostCgroups> pidsCgroups = HostCgroups.find("pids");
    private volatile boolean closed;

    private final UidBlock uids;

    ContainerPool(DockerClient docker, DockerSandboxSettings settings, String seccompProfile, Path supervisorBinary,
                  Path slotsDir, String owner, UidBlock uids) {
        this.uids = uids;
        this.docker = docker;
        this.settings = settings;
        this.seccompProfile = seccompProfile;
        this.supervisorBinary = supervisorBinary;
        this.slotsDir = slotsDir;
        this.owner = owner;
        this.starter = Executors.newFixedThreadPool(Math.max(1, Math.min(2, settings.poolSize())), daemon("docker-pool-start"));
        // Removal (supervisor quit, then `docker rm -f`) is slower than a start: several in parallel.
        this.remover = Executors.newFixedThreadPool(4, daemon("docker-pool-remove"));
    }

    long pooledScratchBytes() {
        return settings.scratchMb() * 1024L * 1024L;
    }

    /** A ready container with at least {@code scratchBytes} of scratch; starts one only if none is waiting. */
    WarmContainer take(long scratchBytes) throws SandboxException {
        if (closed) {
            throw new SandboxException("the Docker sandbox is closed");
        }
        WarmContainer container = scratchBytes <= pooledScratchBytes() ? ready.pollFirst() : null;
        replenish();
        if (container == null) {
            container = startContainer(Math.max(scratchBytes, pooledScratchBytes()));
        }
        return container;
    }

    /** Destroys a used container in the background. */
    void discard(WarmContainer container) {
        try {
            remover.execute(() -> destroy(container));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            destroy(container);
        }
    }

    /** Starts containers until {@code poolSize} are ready or on their way. */
    void replenish() {
        while (!closed && ready.size() + starting.get() < settings.poolSize()) {
            starting.incrementAndGet();
            try {
                starter.execute(() -> {
                    try {
                        WarmContainer container = startContainer(pooledScratchBytes());
                        if (closed) {
                            destroy(container);
                        } else {
                            ready.addLast(container);
                        }
                    } catch (SandboxException | RuntimeException e) {
                        // The next take() tries again; a dead engine must not spin here.
                        log.warn("could not pre-start a runner container: {}", e.getMessage());
                    } finally {
                        starting.decrementAndGet();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                starting.decrementAndGet();
                return;
            }
        }
    }

    /** Waits until the pool is full (start-up, benchmarks), at most {@code timeoutMs}. */
    boolean awaitFull(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (ready.size() < settings.poolSize()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    int readyCount() {
        return ready.size();
    }

    private WarmContainer startContainer(long scratchBytes) throws SandboxException {
        acquireLiveSlot();
        int uidSlot;
        try {
            uidSlot = acquireUidSlot();
        } catch (SandboxException e) {
            liveContainers.release();
            throw e;
        }
        String name = "codearena-sandbox-" + ProcessHandle.current().pid() + "-" + counter.incrementAndGet();
        try {
            return WarmContainer.start(docker, settings, seccompProfile, supervisorBinary, slotsDir.resolve(name),
                    name, owner, uids.first() + uidSlot, uidSlot, scratchBytes, memoryCgroups, pidsCgroups);
        } catch (SandboxException | RuntimeException e) {
            releaseUidSlot(uidSlot);
            liveContainers.release();
            throw e;
        }
    }

    private void acquireLiveSlot() throws SandboxException {
        try {
            if (!liveContainers.tryAcquire(LIVE_SLOT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SandboxException("no runner container slot freed within " + LIVE_SLOT_WAIT_SECONDS
                        + " s: containers are not being removed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while waiting for a runner container slot");
        }
    }

    private void destroy(WarmContainer container) {
        try {
            container.destroy();
        } finally {
            releaseUidSlot(container.uidSlot());
            liveContainers.release();
        }
    }

    private int acquireUidSlot() throws SandboxException {
        synchronized (usedUidSlots) {
            int slot = usedUidSlots.nextClearBit(0);
            if (slot >= DockerSandboxSettings.UID_SLOTS) {
                throw new SandboxException("all " + DockerSandboxSettings.UID_SLOTS + " sandbox uids are in use");
            }
            usedUidSlots.set(slot);
            return slot;
        }
    }

    private void releaseUidSlot(int slot) {
        synchronized (usedUidSlots) {
            usedUidSlots.clear(slot);
        }
    }

    @Override
    public void close() {
        closed = true;
        starter.shutdown();
        try {
            starter.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<WarmContainer> left = new ArrayList<>();
        ready.drainTo(left);
        left.forEach(this::destroy);
        remover.shutdown();
        try {
            remover.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        uids.close();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
