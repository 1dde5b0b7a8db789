package dev.codearena.judge.sandbox;

/**
 * An isolation provider. It opens one {@link SandboxSession} per submission step (compile, run
 * all tests): the isolation boundary is created once per session and every run is a fresh
 * child process of the in-sandbox supervisor, so per-test cost is about one fork+exec.
 * Implementations must be thread-safe; sessions are used by one thread at a time.
 */
public interface Sandbox extends AutoCloseable {

    /** The name used on the command line and in configuration: {@code local}, {@code docker}. */
    String name();

    SandboxSession open(SessionSpec spec) throws SandboxException;

    /**
     * Keeps up to {@code sessions} sessions with a read-only program dir, {@code scratchBytes} of
     * scratch and no extra dir started ahead of need, so that {@link #open} of such a spec does not
     * wait for the boundary to start. Each is still used by one {@link #open} only (its program dir
     * is filled then) and closed after it. Sandboxes that already keep their own pool ignore this.
     */
    default void keepWarm(long scratchBytes, int sessions) {
    }

    @Override
    default void close() {
    }
}
