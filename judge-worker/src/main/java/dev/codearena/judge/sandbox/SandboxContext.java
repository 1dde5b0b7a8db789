package dev.codearena.judge.sandbox;

import java.nio.file.Path;

/**
 * What every sandbox gets from the judge.
 *
 * @param workDir    a directory the sandbox may use for its own files (sessions, io dirs)
 * @param supervisor the supervisor binary built for this host and its C source (for images)
 */
public record SandboxContext(Path workDir, SupervisorBinary supervisor) {
}
