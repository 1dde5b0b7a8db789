package dev.codearena.judge.sandbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local sandbox: one bubblewrap process per session gives the supervisor new pid, net,
 * ipc, uts, mount and cgroup namespaces and a file system made only of the read-only toolchain
 * (/usr and the few /etc entries the runtimes need), the program dir, a size-capped tmpfs
 * scratch and the root-only io dir. Bubblewrap runs as real root without a user namespace, so
 * the supervisor can hand each session's programs their own unprivileged uid (a user namespace
 * maps a single uid, which would leave the program able to signal the supervisor). Programs
 * then run with no capabilities, no_new_privs, rlimits and a per-session memory + pids cgroup.
 *
 * <p>Requires root, bubblewrap and gcc; {@link #create} says precisely what is missing.
 */
public final class LocalSandbox implements Sandbox {

    private static final Logger log = LoggerFactory.getLogger(LocalSandbox.class);

    public static final String NAME = "local";
    public static final int FIRST_UID = 61000;
    public static final int UID_COUNT = 2000;
    static final Path UID_LOCK_DIR = Path.of("/run/codearena-judge");
    private static final List<String> ETC_ENTRIES = List.of("/etc/alternatives", "/etc/ld.so.cache",
            "/etc/java-17-openjdk", "/etc/localtime");

    private final Path workDir;
    private final SupervisorBinary supervisor;
    private final Path bwrap;
    private final Optional<CgroupV1> memoryCgroups;
    private final Optional<CgroupV1> pidsCgroups;
    private final BitSet usedUids = new BitSet(UID_COUNT);
    private final Map<Integer, FileLock> uidLocks = new HashMap<>();
    /** JVM-wide: session ids name cgroups and session dirs, which two sandbox instances in one JVM must not share. */
    private static final AtomicLong SESSION_COUNTER = new AtomicLong();
    /** Sessions started ahead of need (see {@link #keepWarm}); only the warmer thread adds. */
    private final BlockingDeque<LocalSandboxSession> warm = new LinkedBlockingDeque<>();
    private final ExecutorService warmer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-warmer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int warmTarget;
    private volatile long warmScratchBytes;
    private volatile boolean closed;

    private LocalSandbox(Path workDir, SupervisorBinary supervisor, Path bwrap) {
        this.workDir = workDir;
        this.supervisor = supervisor;
        this.bwrap = bwrap;
        this.memoryCgroups = CgroupV1.find("memory");
        this.pidsCgroups = CgroupV1.find("pids");
    }

    public static LocalSandbox create(SandboxContext context) throws SandboxException {
        Path bwrap = findExecutable("bwrap").orElseThrow(() -> new SandboxUnavailableException(
                "the local sandbox needs bubblewrap (apt-get install bubblewrap)"));
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!Integer.valueOf(0).equals(uid)) {
                throw new SandboxUnavailableException("the local sandbox needs root to give programs their own uid (running as uid " + uid + ")");
            }
            Files.createDirectories(UID_LOCK_DIR);
            Files.setPosixFilePermissions(UID_LOCK_DIR, PosixFilePermissions.fromString("rwx------"));
            Path sessions = context.workDir().resolve("sessions");
            Files.createDirectories(sessions);
            Files.setPosixFilePermissions(sessions, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot prepare " + context.workDir(), e);
        }
        LocalSandbox sandbox = new LocalSandbox(context.workDir(), context.supervisor(), bwrap);
        sandbox.removeStaleSessions();
        sandbox.probe();
        return sandbox;
    }

    /** Session dirs and cgroups named {@code s<pid>-<n>} whose process is gone (killed workers, CLI runs). */
    private void removeStaleSessions() {
        List<Path> parents = new ArrayList<>();
        parents.add(workDir.resolve("sessions"));
        memoryCgroups.ifPresent(group -> parents.add(group.parent()));
        pidsCgroups.ifPresent(group -> parents.add(group.parent()));
        for (Path parent : parents) {
            try (var entries = Files.list(parent)) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (name.matches("s\\d+-\\d+")
                            && ProcessHandle.of(Long.parseLong(name.substring(1, name.indexOf('-')))).isEmpty()) {
                        if (parent.startsWith("/sys/fs/cgroup")) {
                            CgroupV1.remove(entry);
                        } else {
                            Files2.deleteTree(entry);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // best effort: stale entries only take a little space
            }
        }
    }

    /** Proves bubblewrap works here (it fails in unprivileged containers) before anyone relies on it. */
    private void probe() throws SandboxException {
        try {
            Path empty = Files.createDirectories(workDir.resolve("probe"));
            try (SandboxSession session = open(new SessionSpec(null, empty, false, 1 << 20, null))) {
                RunOutcome outcome = session.run(new RunSpec(List.of("/bin/true"), Map.of(), null,
                        new ResourceLimits(1000, 5000, 65536, 0, 0, 1024, 8), false));
                if (!outcome.succeeded()) {
                    throw new SandboxUnavailableException("the local sandbox cannot run /bin/true: " + outcome);
                }
            }
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot prepare the probe directory", e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Waits for closed sessions to be torn down, so a short-lived process (the CLI) leaves nothing behind. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        warmer.shutdownNow();
        try {
            warmer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (LocalSandboxSession session = warm.pollFirst(); session != null; session = warm.pollFirst()) {
            session.close();
        }
        LocalSandboxSession.awaitTearDowns(10_000);
    }

    /** Whether memory is measured and limited by a cgroup (else by peak RSS and RLIMIT_AS). */
    public boolean hasMemoryCgroup() {
        return memoryCgroups.isPresent();
    }

    @Override
    public SandboxSession open(SessionSpec spec) throws SandboxException {
        if (isWarmShape(spec)) {
            for (LocalSandboxSession session = warm.pollFirst(); session != null; session = warm.pollFirst()) {
                refillWarm();
                if (session.isAlive()) {
                    try {
                        session.fillProgramDir(spec.programDir());
                        return session;
                    } catch (IOException e) {
                        session.close();
                        throw new SandboxException("cannot fill the program dir of a started sandbox: " + e.getMessage(), e);
                    }
                }
                session.close();
            }
        }
        return start(spec, null);
    }

    /**
     * Starts bubblewrap and the supervisor. {@code emptyProgramDir}: for a warm session, the
     * session's own (still empty) program dir mounted in place of {@code spec.programDir()},
     * filled when the session is taken.
     */
    private LocalSandboxSession start(SessionSpec spec, String emptyProgramDir) throws SandboxException {
        String id = "s" + ProcessHandle.current().pid() + "-" + SESSION_COUNTER.incrementAndGet();
        int uid = acquireUid();
        Path sessionDir = workDir.resolve("sessions").resolve(id);
        Path memoryGroup = null;
        Path pidsGroup = null;
        try {
            Path io = Files.createDirectories(sessionDir.resolve("io"));
            Files.setPosixFilePermissions(io, PosixFilePermissions.fromString("rwx------"));
            Path programDir = spec.programDir();
            if (emptyProgramDir != null) {
                programDir = Files.createDirectories(sessionDir.resolve(emptyProgramDir));
                Files.setPosixFilePermissions(programDir, PosixFilePermissions.fromString("rwxr-xr-x"));
                spec = new SessionSpec(spec.language(), programDir, spec.programWritable(), spec.scratchBytes(), spec.extraReadOnly());
            }
            if (memoryCgroups.isPresent()) {
                memoryGroup = memoryCgroups.get().create(id);
            }
            if (pidsCgroups.isPresent()) {
                pidsGroup = pidsCgroups.get().create(id);
            }
            List<String> command = command(spec, io, memoryGroup, pidsGroup, uid);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(sessionDir.resolve("bwrap.log").toFile());
            builder.environment().clear();
            Process process = builder.start();
            return new LocalSandboxSession(process, io, sessionDir, memoryGroup, pidsGroup,
                    emptyProgramDir != null ? programDir : null, () -> releaseUid(uid));
        } catch (IOException | RuntimeException e) {
            cleanup(sessionDir, memoryGroup, pidsGroup);
            releaseUid(uid);
            throw new SandboxException("cannot start the local sandbox: " + e.getMessage(), e);
        }
    }

    /** Sessions started and waiting to be taken. */
    int warmCount() {
        return warm.size();
    }

    private boolean isWarmShape(SessionSpec spec) {
        return warmTarget > 0 && !spec.programWritable() && spec.extraReadOnly() == null
                && spec.scratchBytes() == warmScratchBytes;
    }

    /**
     * Starts warm sessions in the background, one at a time, until {@code sessions} wait: a
     * submission's sessions (its syntax check, its tests) then skip bubblewrap's and the
     * supervisor's start-up. Bounded: never more than {@code sessions} wait, each holding a uid,
     * two cgroups and two sleeping processes; each is used once and closed by its user.
     */
    @Override
    public synchronized void keepWarm(long scratchBytes, int sessions) {
        if (closed || sessions <= 0) {
            return;
        }
        warmScratchBytes = scratchBytes;
        warmTarget = sessions;
        for (int i = 0; i < sessions; i++) {
            refillWarm();
        }
    }

    private void refillWarm() {
        try {
            warmer.execute(this::startOneWarm);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: nothing more to start
        }
    }

    /** Runs on the single warmer thread, so the size check and the add cannot race another start. */
    private void startOneWarm() {
        if (closed || warm.size() >= warmTarget) {
            return;
        }
        try {
            LocalSandboxSession session = start(new SessionSpec(null, null, false, warmScratchBytes, null), "prog");
            synchronized (this) {
                if (!closed) {
                    warm.addLast(session);
                    return;
                }
            }
            session.close();
        } catch (SandboxException e) {
            // the next open() starts its session itself and asks for another warm one
            log.warn("could not start a warm sandbox session: {}", e.getMessage());
        }
    }

    private List<String> command(SessionSpec spec, Path io, Path memoryGroup, Path pidsGroup, int uid) {
        List<String> c = new ArrayList<>(List.of(bwrap.toString(),
                "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                "--die-with-parent", "--new-session", "--hostname", "sandbox",
                "--ro-bind", "/usr", "/usr"));
        for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
            Path path = Path.of(top);
            if (Files.isSymbolicLink(path)) {
                try {
                    c.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), top));
                } catch (IOException e) {
                    // unreadable link: leave it out of the sandbox
                }
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                c.addAll(List.of("--ro-bind", top, top));
            }
        }
        // bubblewrap creates missing parents as 0700: /etc must be traversable by the program's uid
        c.addAll(List.of("--perms", "0755", "--dir", "/etc"));
        for (String etc : ETC_ENTRIES) {
            c.addAll(List.of("--ro-bind-try", etc, etc));
        }
        c.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                "--size", Long.toString(spec.scratchBytes()), "--tmpfs", SandboxLayout.SCRATCH_DIR,
                spec.programWritable() ? "--bind" : "--ro-bind", spec.programDir().toString(), SandboxLayout.PROGRAM_DIR,
                "--bind", io.toString(), SandboxLayout.IO_DIR,
                "--ro-bind", supervisor.binary().getParent().toString(), Path.of(SandboxLayout.SUPERVISOR).getParent().toString()));
        if (spec.extraReadOnly() != null) {
            c.addAll(List.of("--ro-bind", spec.extraReadOnly().toString(), SandboxLayout.EXTRA_DIR));
        }
        if (memoryGroup != null) {
            c.addAll(List.of("--bind", memoryGroup.toString(), SandboxLayout.MEMORY_CGROUP));
        }
        if (pidsGroup != null) {
            c.addAll(List.of("--bind", pidsGroup.toString(), SandboxLayout.PIDS_CGROUP));
        }
        // The supervisor keeps only what it needs: switch uid, signal and chown/clean the scratch.
        // (SYS_RESOURCE: only to make itself immune to the OOM killer of the session's memory cgroup)
        for (String cap : List.of("CAP_SETUID", "CAP_SETGID", "CAP_KILL", "CAP_CHOWN", "CAP_FOWNER", "CAP_DAC_OVERRIDE",
                "CAP_SYS_RESOURCE")) {
            c.addAll(List.of("--cap-add", cap));
        }
        c.addAll(List.of("--chdir", "/", Path.of(SandboxLayout.SUPERVISOR).getParent().resolve(supervisor.binary().getFileName()).toString(),
                "--uid", Integer.toString(uid), "--gid", Integer.toString(uid),
                "--scratch", SandboxLayout.SCRATCH_DIR));
        if (spec.programWritable()) {
            c.addAll(List.of("--chown", SandboxLayout.PROGRAM_DIR));
        }
        if (memoryGroup != null) {
            c.addAll(List.of("--cgroup-memory", SandboxLayout.MEMORY_CGROUP));
        }
        if (pidsGroup != null) {
            c.addAll(List.of("--cgroup-pids", SandboxLayout.PIDS_CGROUP));
        }
        return c;
    }

    static void cleanup(Path sessionDir, Path memoryGroup, Path pidsGroup) {
        if (memoryGroup != null) {
            CgroupV1.remove(memoryGroup);
        }
        if (pidsGroup != null) {
            CgroupV1.remove(pidsGroup);
        }
        Files2.deleteTree(sessionDir);
    }

    /**
     * A uid no other live session uses, in this JVM (the bit set) or in any other worker or CLI
     * process on the machine (an exclusive lock on {@code /run/codearena-judge/uid-N.lock}):
     * two sessions sharing a uid could signal each other's programs and share RLIMIT_NPROC.
     */
    private synchronized int acquireUid() throws SandboxException {
        for (int index = usedUids.nextClearBit(0); index < UID_COUNT; index = usedUids.nextClearBit(index + 1)) {
            int uid = FIRST_UID + index;
            try {
                FileChannel channel = FileChannel.open(UID_LOCK_DIR.resolve("uid-" + uid + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    continue;
                }
                usedUids.set(index);
                uidLocks.put(uid, lock);
                return uid;
            } catch (OverlappingFileLockException e) {
                // held by this JVM through another sandbox instance: try the next uid
            } catch (IOException e) {
                throw new SandboxException("cannot lock a sandbox uid in " + UID_LOCK_DIR, e);
            }
        }
        throw new SandboxException("too many concurrent sandbox sessions");
    }

    private synchronized void releaseUid(int uid) {
        FileLock lock = uidLocks.remove(uid);
        if (lock != null) {
            try {
                lock.channel().close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing else to undo
            }
        }
        usedUids.clear(uid - FIRST_UID);
    }

    static Optional<Path> findExecutable(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : (path + ":/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name));
            }
        }
        return Optional.empty();
    }
}
