package dev.codearena.judge.language;

import dev.codearena.api.judge.Language;
import dev.codearena.judge.sandbox.SandboxLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How one language is compiled and run, as settings on a shared base (in the manner of DMOJ's
 * executors). Commands are argv lists with paths as seen inside the sandbox. Interpreted
 * languages "compile" with a syntax check, so a syntax error is CE there too.
 */
public abstract class LanguageDefinition {

    static final String PROG = SandboxLayout.PROGRAM_DIR;

    private final Language language;
    private final String sourceFile;
    private final String artifact;

    protected LanguageDefinition(Language language, String sourceFile, String artifact) {
        this.language = language;
        this.sourceFile = sourceFile;
        this.artifact = artifact;
    }

    public Language language() {
        return language;
    }

    /** Name of the source file in the program dir. */
    public String sourceFile() {
        return sourceFile;
    }

    /** The file that must exist in the program dir after a successful compile. */
    public String artifact() {
        return artifact;
    }

    /** The compile (or syntax-check) command. */
    public abstract List<String> compileCommand();

    /**
     * Whether the compile step only checks the source (writes nothing, produces nothing but the
     * verdict CE or not) and the program runs from the source itself: then the judge may run the
     * tests while the check runs, and report them only once it passed.
     */
    public boolean compileOnlyChecks() {
        return false;
    }

    /**
     * Whether a test may be forked from a server process started once per session with the run
     * command (the supervisor's fork server) instead of starting the command anew: only where the
     * program cannot tell the difference.
     */
    public boolean runsFromForkServer() {
        return false;
    }

    /** The run command for a memory limit in MB. */
    public abstract List<String> runCommand(int memoryMb);

    /**
     * Memory the sandbox allows, in KB: the limit itself for native code; managed runtimes get
     * their own heap cap from {@link #runCommand} plus room for the runtime (JIT, metaspace).
     */
    public long memoryBudgetKb(int memoryMb) {
        return memoryMb * 1024L;
    }

    /** RLIMIT_AS where there is no memory cgroup; 0 for runtimes that reserve huge address ranges. */
    public long addressSpaceKbWithoutCgroup(int memoryMb) {
        return 0;
    }

    /**
     * Stack: most of the memory limit, as competitive programmers expect deep recursion to work,
     * but below it, so that a runaway recursion is a stack overflow (RE) rather than an OOM kill (MLE).
     */
    public long stackKb(int memoryMb) {
        return memoryMb * 1024L * 7 / 8;
    }

    /** CPU time the runtime needs to start, added to the problem's limit (measured, see docs/judge.md). */
    public long startupAllowanceMs() {
        return 0;
    }

    /** Whether the run's stderr shows the runtime refused an allocation (then MLE, not RE). */
    public boolean reportsOutOfMemory(String stderr) {
        return false;
    }

    public Map<String, String> environment() {
        return Map.of("PATH", "/usr/bin:/bin", "HOME", SandboxLayout.SCRATCH_DIR, "LANG", "C.UTF-8",
                "TMPDIR", SandboxLayout.SCRATCH_DIR);
    }

    /** A program that reads a name and prints {@code hello NAME}: the start-up self-test. */
    public abstract String helloWorld();

    /** Changes whenever compile flags change, so cached artifacts of old flags are not reused. */
    public String cacheSalt() {
        return String.join(" ", compileCommand());
    }

    /** A host directory the compile step needs read-only at {@link SandboxLayout#EXTRA_DIR}, or null. */
    public Path compileExtraDir() {
        return null;
    }

    @Override
    public String toString() {
        return language.id();
    }
}
