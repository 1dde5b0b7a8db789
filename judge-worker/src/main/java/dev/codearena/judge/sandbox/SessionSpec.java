package dev.codearena.judge.sandbox;

import dev.codearena.api.judge.Language;
import java.nio.file.Path;

/**
 * What a session needs to set up its isolation boundary.
 *
 * @param language        the submission's language (a sandbox may pick a runner image by it)
 * @param programDir      host directory mounted at {@link SandboxLayout#PROGRAM_DIR}
 * @param programWritable whether the program may write there (compilation only); runs see it read-only
 * @param scratchBytes    size of the private writable scratch at {@link SandboxLayout#SCRATCH_DIR}
 * @param extraReadOnly   optional host directory mounted read-only at {@link SandboxLayout#EXTRA_DIR}
 *                        (the C++ precompiled header), or null
 */
public record SessionSpec(Language language, Path programDir, boolean programWritable, long scratchBytes,
                          Path extraReadOnly) {
}
