package dev.codearena.judge.sandbox.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Per-container cgroup v1 groups for the supervisor's test runs, created on the host below the
 * worker's own group and bind-mounted into the container. Docker mounts the container's own
 * cgroups read-only, so without these the supervisor could not give each run its own memory
 * limit and peak, nor count the run's leftover processes; with them a run in Docker is measured
 * exactly like one in the local sandbox. The container's own Docker limits still cap the
 * supervisor, and the CPU controller stays Docker's.
 */
final class HostCgroups {

    private final Path parent;

    private HostCgroups(Path parent) {
        this.parent = parent;
    }

    /** The controller's parent group for sandbox containers, if this host lets us create one. */
    static Optional<HostCgroups> find(String controller) {
        Path mount = Path.of("/sys/fs/cgroup", controller);
        if (!Files.isDirectory(mount) || !Files.exists(mount.resolve("cgroup.procs"))) {
            return Optional.empty(); // cgroup v2 or no such controller
        }
        String own = "/";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] parts = line.split(":", 3);
                if (parts.length == 3 && ("," + parts[1] + ",").contains("," + controller + ",")) {
                    own = parts[2];
                }
            }
            Path parent = mount.resolve(own.substring(1)).resolve("codearena-docker");
            Files.createDirectories(parent);
            Path probe = parent.resolve("probe-" + ProcessHandle.current().pid());
            Files.createDirectories(probe);
            Files.delete(probe);
            return Optional.of(new HostCgroups(parent));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    Path create(String name) throws IOException {
        return Files.createDirectories(parent.resolve(name));
    }

    static void remove(Path group) {
        if (group == null) {
            return;
        }
        // rmdir fails while the kernel still tears the last process down: retry briefly
        for (int attempt = 0; attempt < 100 && Files.exists(group); attempt++) {
            try {
                Files.delete(group);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
