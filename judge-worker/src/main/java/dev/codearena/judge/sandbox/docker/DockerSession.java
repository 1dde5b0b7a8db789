package dev.codearena.judge.sandbox.docker;

import dev.codearena.judge.sandbox.RunOutcome;
import dev.codearena.judge.sandbox.RunSpec;
import dev.codearena.judge.sandbox.SandboxException;
import dev.codearena.judge.sandbox.SandboxLayout;
import dev.codearena.judge.sandbox.SandboxSession;
import dev.codearena.judge.sandbox.SessionSpec;
import dev.codearena.judge.sandbox.SupervisorClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One submission step in one pooled container. The program directory is copied into the
 * container's {@code /prog}: owned by root (read-only to the program) for runs, handed to the
 * container's uid for compilation, whose outputs are copied back to the judge's program
 * directory after every run.
 */
final class DockerSession implements SandboxSession {

    private static final long GRACE_MS = 5_000;

    private final WarmContainer container;
    private final SessionSpec spec;
    private final Consumer<WarmContainer> onClose;
    private boolean closed;

    private DockerSession(WarmContainer container, SessionSpec spec, Consumer<WarmContainer> onClose) {
        this.container = container;
        this.spec = spec;
        this.onClose = onClose;
    }

    static DockerSession open(WarmContainer container, SessionSpec spec, Consumer<WarmContainer> onClose)
            throws SandboxException {
        DockerSession session = new DockerSession(container, spec, onClose);
        try {
            copyTree(spec.programDir(), container.programDir(), false);
            if (spec.programWritable()) {
                chownTree(container.programDir(), container.uid());
            }
            if (spec.extraReadOnly() != null) {
                copyTree(spec.extraReadOnly(), container.extraDir(), true);
            }
        } catch (IOException | RuntimeException e) {
            session.close();
            throw new SandboxException("cannot stage the program into the sandbox: " + e.getMessage(), e);
        }
        return session;
    }

    @Override
    public RunOutcome run(RunSpec run) throws SandboxException {
        if (closed) {
            throw new SandboxException("session closed");
        }
        Path io = container.ioDir();
        Path stdin = io.resolve("in");
        try {
            Files.deleteIfExists(stdin);
            if (run.stdin() != null) {
                linkOrCopy(run.stdin(), stdin);
            }
        } catch (IOException e) {
            throw new SandboxException("cannot stage the test input", e);
        }
        String out = SandboxLayout.IO_DIR + "/out";
        String err = run.mergeStderr() ? out : SandboxLayout.IO_DIR + "/err";
        SupervisorClient.Request request = new SupervisorClient.Request(run.argv(), run.environment(),
                run.stdin() == null ? null : SandboxLayout.IO_DIR + "/in", out, err, SandboxLayout.SCRATCH_DIR, run.limits());
        // The supervisor enforces the limits; this is the hard stop if it ever stops answering.
        ScheduledFuture<?> watchdog = WarmContainer.WATCHDOG.schedule(container::kill,
                run.limits().wallMs() + GRACE_MS, TimeUnit.MILLISECONDS);
        SupervisorClient.Report report;
        try {
            report = container.client().run(request);
        } catch (SandboxException e) {
            throw new SandboxException(e.getMessage() + container.supervisorErrorText(), e);
        } finally {
            watchdog.cancel(false);
        }
        if (spec.programWritable()) {
            try {
                copyTree(container.programDir(), spec.programDir(), false);
            } catch (IOException | RuntimeException e) {
                throw new SandboxException("cannot copy the compiled program out of the sandbox", e);
            }
        }
        return new RunOutcome(report.outcomeStatus(), report.exitCode(), report.signal(), report.cpuMs(), report.wallMs(),
                report.memoryKb(), report.memoryLimitHit(), report.outputLimitHit(), report.outputBytes(),
                io.resolve("out"), io.resolve(run.mergeStderr() ? "out" : "err"), report.error());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.accept(container);
        }
    }

    /**
     * Copies regular files and directories (never symbolic links: a program could plant one to
     * make the judge copy a host file) from {@code from} into {@code to}.
     */
    static void copyTree(Path from, Path to, boolean linkFiles) throws IOException {
        Files.walkFileTree(from, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (linkFiles) {
                        linkOrCopy(file, target);
                    } else {
                        // Permissions but not the owner: a file the program owned must not stay
                        // writable by whichever container gets that uid next.
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                        Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
                    }
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    private static void chownTree(Path root, int uid) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** A hard link costs nothing; a copy is the fallback across file systems. */
    private static void linkOrCopy(Path source, Path target) throws IOException {
        Files.deleteIfExists(target);
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
