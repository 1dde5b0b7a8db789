package dev.codearena.judge.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One fresh child process to run inside an open {@link SandboxSession}.
 *
 * @param argv            the command; paths as seen inside the sandbox ({@link SandboxLayout})
 * @param environment     the complete environment (nothing is inherited from the worker)
 * @param stdin           a host file fed to the program's standard input, or null for none. The
 *                        sandbox makes it readable only through the program's stdin, never as a path
 * @param limits          limits for this run
 * @param mergeStderr     send stderr to the stdout file (compilers), otherwise to a separate file
 */
public record RunSpec(List<String> argv, Map<String, String> environment, Path stdin, ResourceLimits limits,
                      boolean mergeStderr, boolean forkServer) {

    /**
     * @param forkServer      the command may be forked from a server process the session starts once
     *                        with this very command (Python: see the supervisor's fork server); a
     *                        sandbox that has none runs the command as usual
     */
    public RunSpec(List<String> argv, Map<String, String> environment, Path stdin, ResourceLimits limits,
                   boolean mergeStderr) {
        this(argv, environment, stdin, limits, mergeStderr, false);
    }

    public RunSpec {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
    }
}
