package dev.codearena.judge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a writable cgroup v1 hierarchy for one controller and creates per-session groups
 * below the worker's own group (so the sandboxes stay inside whatever limits the worker has).
 * cgroup v2 is not used: on the machines this was built on it has no memory controller.
 */
final class CgroupV1 {

    private final Path parent;

    private CgroupV1(Path parent) {
        this.parent = parent;
    }

    /** The controller's parent group for judge sessions, if this host lets us create one. */
    static Optional<CgroupV1> find(String controller) {
        Path mount = Path.of("/sys/fs/cgroup", controller);
        if (!Files.isDirectory(mount)) {
            return Optional.empty();
        }
        String own = "/";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] parts = line.split(":", 3);
                if (parts.length == 3 && ("," + parts[1] + ",").contains("," + controller + ",")) {
                    own = parts[2];
                }
            }
            Path parent = mount.resolve(own.substring(1)).resolve("codearena-judge");
            Files.createDirectories(parent);
            Path probe = parent.resolve("probe-" + ProcessHandle.current().pid());
            Files.createDirectories(probe);
            Files.delete(probe);
            return Optional.of(new CgroupV1(parent));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    Path parent() {
        return parent;
    }

    Path create(String name) throws IOException {
        return Files.createDirectory(parent.resolve(name)); // never an existing group: a session shares none
    }

    static void remove(Path group) {
        // rmdir fails while the kernel still tears the last process down: retry briefly
        for (int attempt = 0; attempt < 50 && Files.exists(group); attempt++) {
            try {
                Files.delete(group);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
