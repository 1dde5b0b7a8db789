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

    @Override
    default void close() {
    }
}
