package dev.codearena.judge.sandbox;

/**
 * One isolation boundary (a bubblewrap process, a container) with a supervisor inside.
 * {@link #run} runs one fresh child process; the scratch directory is emptied before each run
 * and every process the previous run left behind is killed. Closing kills everything in the
 * boundary and removes it.
 */
public interface SandboxSession extends AutoCloseable {

    RunOutcome run(RunSpec spec) throws SandboxException;

    @Override
    void close();
}
