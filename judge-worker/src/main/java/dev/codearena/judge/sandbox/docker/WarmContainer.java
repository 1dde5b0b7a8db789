package dev.codearena.judge.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Volume;
import dev.codearena.judge.sandbox.SandboxException;
import dev.codearena.judge.sandbox.SandboxLayout;
import dev.codearena.judge.sandbox.SupervisorClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One started runner container whose supervisor is already running (one {@code docker exec},
 * stdin/stdout attached) and has greeted. Taking it from the pool therefore costs nothing;
 * the only per-test cost is one request line and one report line over the exec stream.
 *
 * <p>The container sees its own host directory {@code slot/} as {@code /prog} (the program),
 * {@code /io} (root-only: test input and outputs) and {@code /pch} (read-only extras), plus the
 * judge's supervisor binary read-only at {@code /.supervisor}. Everything else is the read-only
 * image, a size-capped tmpfs at {@code /tmp}, no network, no capabilities but the six the
 * supervisor needs before it drops to the container's own uid, no-new-privileges and the
 * runner seccomp profile.
 */
final class WarmContainer {

    private static final Logger log = LoggerFactory.getLogger(WarmContainer.class);
    static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "docker-sandbox-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private static final long STARTUP_TIMEOUT_MS = 20_000;
    static final String LABEL_SANDBOX = "dev.codearena.sandbox";
    static final String LABEL_OWNER = "dev.codearena.owner";

    /** What the supervisor needs as root-in-the-container; it drops all of them before each exec. */
    private static final Capability[] SUPERVISOR_CAPABILITIES = {Capability.SETUID, Capability.SETGID,
            Capability.KILL, Capability.CHOWN, Capability.FOWNER, Capability.DAC_OVERRIDE};

    private final DockerClient docker;
    private final String id;
    private final int uid;
    private final int uidSlot;
    private final long scratchBytes;
    private final Path slot;
    private final Path memoryGroup;
    private final Path pidsGroup;
    private final BytePipe toSupervisor = new BytePipe();
    private final BytePipe fromSupervisor = new BytePipe();
    private final StringBuilder supervisorErrors = new StringBuilder();
    private final java.util.concurrent.CountDownLatch execEnded = new java.util.concurrent.CountDownLatch(1);
    private SupervisorClient client;

    private WarmContainer(DockerClient docker, String id, int uid, int uidSlot, long scratchBytes, Path slot,
                          Path memoryGroup, Path pidsGroup) {
        this.docker = docker;
        this.memoryGroup = memoryGroup;
        this.pidsGroup = pidsGroup;
        this.id = id;
        this.uid = uid;
        this.uidSlot = uidSlot;
        this.scratchBytes = scratchBytes;
        this.slot = slot;
    }

    /** Creates and starts the container and its supervisor; on failure nothing is left behind. */
    static WarmContainer start(DockerClient docker, DockerSandboxSettings settings, String seccompProfile,
                               Path supervisorBinary, Path slot, String name, String owner, int uid, int uidSlot,
                               long scratchBytes, Optional<HostCgroups> memoryCgroups, Optional<HostCgroups> pidsCgroups)
            throws SandboxException {
        String id = null;
        Path memoryGroup = null;
        Path pidsGroup = null;
        try {
            createSlot(slot);
            List<Bind> binds = new ArrayList<>(List.of(
                    new Bind(slot.resolve("prog").toString(), new Volume(SandboxLayout.PROGRAM_DIR), AccessMode.rw),
                    new Bind(slot.resolve("io").toString(), new Volume(SandboxLayout.IO_DIR), AccessMode.rw),
                    new Bind(slot.resolve("pch").toString(), new Volume(SandboxLayout.EXTRA_DIR), AccessMode.ro),
                    new Bind(supervisorBinary.getParent().toString(),
                            new Volume(Path.of(SandboxLayout.SUPERVISOR).getParent().toString()), AccessMode.ro)));
            if (memoryCgroups.isPresent()) {
                memoryGroup = memoryCgroups.get().create(name);
                binds.add(new Bind(memoryGroup.toString(), new Volume(SandboxLayout.MEMORY_CGROUP), AccessMode.rw));
            }
            if (pidsCgroups.isPresent()) {
                pidsGroup = pidsCgroups.get().create(name);
                binds.add(new Bind(pidsGroup.toString(), new Volume(SandboxLayout.PIDS_CGROUP), AccessMode.rw));
            }
            HostConfig host = HostConfig.newHostConfig()
                    .withNetworkMode("none")
                    .withIpcMode("none")
                    .withReadonlyRootfs(true)
                    .withTmpFs(Map.of(SandboxLayout.SCRATCH_DIR, "rw,nosuid,nodev,size=" + scratchBytes + ",mode=1777"))
                    .withBinds(binds)
                    .withMemory(settings.memoryMb() * 1024L * 1024L)
                    .withMemorySwap(settings.memoryMb() * 1024L * 1024L)
                    .withNanoCPUs((long) (settings.cpus() * 1e9))
                    .withPidsLimit((long) settings.pidsLimit())
                    .withCapDrop(Capability.ALL)
                    .withCapAdd(SUPERVISOR_CAPABILITIES)
                    .withSecurityOpts(List.of("no-new-privileges:true", "seccomp=" + seccompProfile));
            id = docker.createContainerCmd(settings.image())
                    .withName(name)
                    .withLabels(Map.of(LABEL_SANDBOX, "docker", LABEL_OWNER, owner))
                    .withHostName("sandbox")
                    .withUser("0")
                    .withEnv("PATH=/usr/local/bin:/usr/bin:/bin")
                    .withWorkingDir(SandboxLayout.SCRATCH_DIR)
                    .withCmd("sleep", "infinity")
                    .withHostConfig(host)
                    .exec()
                    .getId();
            docker.startContainerCmd(id).exec();
            WarmContainer container = new WarmContainer(docker, id, uid, uidSlot, scratchBytes, slot, memoryGroup, pidsGroup);
            container.startSupervisor(supervisorBinary.getFileName().toString());
            return container;
        } catch (IOException | RuntimeException e) {
            removeQuietly(docker, id);
            cleanup(slot, memoryGroup, pidsGroup);
            throw new SandboxException("cannot start a runner container from " + settings.image() + ": " + e.getMessage(), e);
        } catch (SandboxException e) {
            removeQuietly(docker, id);
            cleanup(slot, memoryGroup, pidsGroup);
            throw e;
        }
    }

    private void startSupervisor(String binaryName) throws SandboxException {
        String supervisor = Path.of(SandboxLayout.SUPERVISOR).getParent().resolve(binaryName).toString();
        List<String> command = new ArrayList<>(List.of(supervisor, "--uid", Integer.toString(uid),
                "--gid", Integer.toString(uid), "--scratch", SandboxLayout.SCRATCH_DIR));
        if (memoryGroup != null) {
            command.addAll(List.of("--cgroup-memory", SandboxLayout.MEMORY_CGROUP));
        }
        if (pidsGroup != null) {
            command.addAll(List.of("--cgroup-pids", SandboxLayout.PIDS_CGROUP));
        }
        String execId = docker.execCreateCmd(id)
                .withUser("0")
                .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true)
                .withCmd(command.toArray(String[]::new))
                .exec()
                .getId();
        OutputStream supervisorStdout = fromSupervisor.output();
        docker.execStartCmd(execId).withStdIn(toSupervisor.input()).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                try {
                    if (frame.getStreamType() == StreamType.STDERR) {
                        synchronized (supervisorErrors) {
                            if (supervisorErrors.length() < 4096) {
                                supervisorErrors.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                            }
                        }
                    } else {
                        supervisorStdout.write(frame.getPayload());
                    }
                } catch (IOException e) {
                    // the reading side is gone: the session is being torn down
                }
            }

            @Override
            public void onError(Throwable throwable) {
                fromSupervisor.closeWriter();
                execEnded.countDown();
            }

            @Override
            public void onComplete() {
                fromSupervisor.closeWriter();
                execEnded.countDown();
            }
        });
        client = new SupervisorClient(toSupervisor.output(), fromSupervisor.input());
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(this::kill, STARTUP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        try {
            client.awaitReady();
        } catch (SandboxException e) {
            throw new SandboxException(e.getMessage() + supervisorErrorText(), e);
        } finally {
            watchdog.cancel(false);
        }
    }

    String id() {
        return id;
    }

    int uid() {
        return uid;
    }

    int uidSlot() {
        return uidSlot;
    }

    long scratchBytes() {
        return scratchBytes;
    }

    Path programDir() {
        return slot.resolve("prog");
    }

    Path ioDir() {
        return slot.resolve("io");
    }

    Path extraDir() {
        return slot.resolve("pch");
    }

    SupervisorClient client() {
        return client;
    }

    String supervisorErrorText() {
        synchronized (supervisorErrors) {
            return supervisorErrors.isEmpty() ? "" : " (supervisor: " + supervisorErrors.toString().strip() + ")";
        }
    }

    /** The hard stop: used when the supervisor stops answering. Ends the exec stream too. */
    void kill() {
        try {
            docker.killContainerCmd(id).exec();
        } catch (RuntimeException e) {
            log.debug("kill of {} failed: {}", id, e.toString());
        }
    }

    /** Ends the supervisor, removes the container and its host directories. */
    void destroy() {
        // End of input is the supervisor's quit: it sweeps and exits, and the exec stream closes
        // in order (removing the container first would cut docker-java's stdin thread mid-write).
        toSupervisor.closeWriter();
        try {
            execEnded.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeQuietly(docker, id);
        cleanup(slot, memoryGroup, pidsGroup);
    }

    private static void cleanup(Path slot, Path memoryGroup, Path pidsGroup) {
        HostCgroups.remove(memoryGroup);
        HostCgroups.remove(pidsGroup);
        deleteTree(slot);
    }

    static void removeQuietly(DockerClient docker, String id) {
        if (id == null) {
            return;
        }
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // already removed
        } catch (RuntimeException e) {
            log.warn("could not remove sandbox container {}: {}", id, e.toString());
        }
    }

    private static void createSlot(Path slot) throws IOException {
        Files.createDirectories(slot);
        Files.setPosixFilePermissions(slot, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(Files.createDirectories(slot.resolve("prog")), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(Files.createDirectories(slot.resolve("io")), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(Files.createDirectories(slot.resolve("pch")), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.debug("cannot delete {}: {}", path, e.toString());
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            log.warn("cannot clean {}: {}", root, e.toString());
        }
    }
}
