package dev.codearena.judge.sandbox;

/**
 * Paths as the program sees them, identical in every sandbox so that language commands are
 * written once. Only these are visible besides the read-only toolchain (/usr and friends).
 */
public final class SandboxLayout {

    /** The program directory: source and compiled artifacts. */
    public static final String PROGRAM_DIR = "/prog";
    /** Private writable scratch and working directory, emptied before every run. */
    public static final String SCRATCH_DIR = "/tmp";
    /** Optional read-only extra directory (the C++ precompiled header). */
    public static final String EXTRA_DIR = "/pch";
    /** The supervisor's own I/O directory: root-only (0700), the program cannot open it. */
    public static final String IO_DIR = "/io";
    /** Where the supervisor binary is visible inside the sandbox. */
    public static final String SUPERVISOR = "/.supervisor/supervisor";
    /** The Python fork server's start-up hook (a {@code sitecustomize.py}), next to the supervisor. */
    public static final String PYTHON_FORK_SERVER = "/.supervisor/python";
    /** Memory and pids cgroup directories (local sandbox only). */
    public static final String MEMORY_CGROUP = "/.cgroup/memory";
    public static final String PIDS_CGROUP = "/.cgroup/pids";

    private SandboxLayout() {
    }
}
