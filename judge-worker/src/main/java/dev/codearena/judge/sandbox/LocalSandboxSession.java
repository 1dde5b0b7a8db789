package dev.codearena.judge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One bubblewrap process with the supervisor inside; see {@link LocalSandbox}. */
final class LocalSandboxSession implements SandboxSession {

    /** Kills a session whose supervisor stops answering (it enforces limits itself; this is the backstop). */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private static final long STARTUP_TIMEOUT_MS = 30_000;
    /** {@code -Dcodearena.judge.fork-server=false}: every run starts its own process (for comparisons). */
    static final boolean FORK_SERVER_ENABLED = !"false".equals(System.getProperty("codearena.judge.fork-server"));
    private static final long GRACE_MS = 5_000;

    private final Process process;
    private final Path io;
    private final Path sessionDir;
    private final Path memoryGroup;
    private final Path pidsGroup;
    private final Runnable onClose;
    private final SupervisorClient client;
    /** A warm session's own program dir (mounted read-only at /prog), filled once when taken; null otherwise. */
    private Path ownProgramDir;
    private boolean closed;

    LocalSandboxSession(Process process, Path io, Path sessionDir, Path memoryGroup, Path pidsGroup, Path ownProgramDir,
                        Runnable onClose) throws SandboxException {
        this.process = process;
        this.io = io;
        this.sessionDir = sessionDir;
        this.memoryGroup = memoryGroup;
        this.pidsGroup = pidsGroup;
        this.onClose = onClose;
        this.ownProgramDir = ownProgramDir;
        this.client = new SupervisorClient(process.getOutputStream(), process.getInputStream());
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(process::destroyForcibly, STARTUP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        try {
            client.awaitReady();
        } catch (SandboxException e) {
            String log = bwrapLog();
            close();
            throw new SandboxException(e.getMessage() + (log.isBlank() ? "" : ": " + log.strip()), e);
        } finally {
            watchdog.cancel(false);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Gives a warm session its program: the files of {@code programDir} linked into the session's
     * own program dir, which the sandbox sees (read-only) at /prog. Once: a session serves one
     * submission step.
     */
    void fillProgramDir(Path programDir) throws IOException {
        if (ownProgramDir == null) {
            throw new IllegalStateException("not a warm session, or already filled");
        }
        Files2.linkTree(programDir, ownProgramDir);
        ownProgramDir = null;
    }

    @Override
    public RunOutcome run(RunSpec spec) throws SandboxException {
        if (closed) {
            throw new SandboxException("session closed");
        }
        Path stdin = io.resolve("in");
        try {
            Files.deleteIfExists(stdin);
            if (spec.stdin() != null) {
                stage(spec.stdin(), stdin);
            }
        } catch (IOException e) {
            throw new SandboxException("cannot stage the test input", e);
        }
        String out = SandboxLayout.IO_DIR + "/out";
        String err = spec.mergeStderr() ? out : SandboxLayout.IO_DIR + "/err";
        SupervisorClient.Request request = new SupervisorClient.Request(spec.argv(), spec.environment(),
                spec.stdin() == null ? null : SandboxLayout.IO_DIR + "/in", out, err, SandboxLayout.SCRATCH_DIR, spec.limits(),
                spec.forkServer() && FORK_SERVER_ENABLED ? SandboxLayout.PYTHON_FORK_SERVER : null);
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(process::destroyForcibly,
                spec.limits().wallMs() + GRACE_MS, TimeUnit.MILLISECONDS);
        SupervisorClient.Report report;
        try {
            report = client.run(request);
        } catch (SandboxException e) {
            String log = bwrapLog().strip();
            throw new SandboxException(e.getMessage() + (log.isEmpty() ? "" : " (sandbox log: " + log + ")"), e);
        } finally {
            watchdog.cancel(false);
        }
        return new RunOutcome(report.outcomeStatus(), report.exitCode(), report.signal(), report.cpuMs(), report.wallMs(),
                report.memoryKb(), report.memoryLimitHit(), report.outputLimitHit(), report.outputBytes(),
                io.resolve("out"), io.resolve(spec.mergeStderr() ? "out" : "err"), report.error());
    }

    /** A hard link costs nothing; a copy is the fallback across file systems. */
    private static void stage(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String bwrapLog() {
        try {
            return Files.readString(sessionDir.resolve("bwrap.log"));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Asks the supervisor to quit and tears the boundary down in the background: every program
     * process was already killed after the last run, so the submission's result need not wait
     * for bubblewrap to exit and the cgroups and files to be removed. The uid is released only
     * when all of that is done.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.quit();
        CLEANUP.execute(this::tearDown);
    }

    private static final java.util.concurrent.ExecutorService CLEANUP = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-cleanup");
        thread.setDaemon(true);
        return thread;
    });

    /** Waits until every session closed so far is torn down (the cleanup queue is FIFO). */
    static void awaitTearDowns(long timeoutMs) {
        try {
            CLEANUP.submit(() -> { }).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // best effort: leftovers are empty directories
        }
    }

    private void tearDown() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (IOException ignored) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LocalSandbox.cleanup(sessionDir, memoryGroup, pidsGroup);
        onClose.run();
    }
}
