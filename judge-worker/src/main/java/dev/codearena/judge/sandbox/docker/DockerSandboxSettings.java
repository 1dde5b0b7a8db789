package dev.codearena.judge.sandbox.docker;

import java.util.function.Function;

/**
 * Settings of the Docker sandbox. Read from system properties {@code codearena.docker.*} or
 * the matching environment variables {@code CODEARENA_DOCKER_*}, so the CLI, the tests and the
 * service configure it the same way; the engine itself is found like the docker CLI finds it
 * ({@code DOCKER_HOST}, default {@code unix:///var/run/docker.sock}).
 *
 * @param image          the runner image (one image for every language, see runner-images/)
 * @param poolSize       containers kept started and waiting, each with its supervisor ready
 * @param memoryMb       memory cap of a whole container (supervisor, compiler or program, and the
 *                       scratch tmpfs, which is charged to it); per-run limits are the supervisor's
 * @param cpus           CPU share of a container
 * @param pidsLimit      processes and threads in a container, supervisor included
 * @param scratchMb      size of the scratch tmpfs of pooled containers; a session asking for more
 *                       gets a container of its own
 * @param firstUid       start of the uid range: each worker process locks its own block of
 *                       {@link #UID_SLOTS} uids ({@link UidBlock}) and each live container gets
 *                       one of them, so per-uid limits (RLIMIT_NPROC) never couple two submissions
 */
record DockerSandboxSettings(String image, int poolSize, int memoryMb, double cpus, int pidsLimit, int scratchMb,
                             int firstUid) {

    static final int UID_SLOTS = 1000;
    static final int UID_BLOCKS = 100;

    DockerSandboxSettings {
        if (poolSize < 0 || memoryMb < 64 || cpus <= 0 || pidsLimit < 8 || scratchMb < 1 || firstUid < 1000) {
            throw new IllegalArgumentException("bad Docker sandbox settings: pool " + poolSize + ", memory " + memoryMb
                    + " MB, cpus " + cpus + ", pids " + pidsLimit + ", scratch " + scratchMb + " MB, first uid " + firstUid);
        }
    }

    static DockerSandboxSettings fromEnvironment() {
        return from(key -> {
            String value = System.getProperty("codearena.docker." + key);
            if (value == null) {
                value = System.getenv("CODEARENA_DOCKER_" + key.toUpperCase().replace('-', '_'));
            }
            return value;
        });
    }

    static DockerSandboxSettings from(Function<String, String> lookup) {
        return new DockerSandboxSettings(
                text(lookup, "image", "codearena/runner:latest"),
                number(lookup, "pool-size", 2),
                number(lookup, "memory-mb", 1024),
                Double.parseDouble(text(lookup, "cpus", "1")),
                number(lookup, "pids-limit", 64),
                number(lookup, "scratch-mb", 64),
                number(lookup, "first-uid", 100_000));
    }

    private static String text(Function<String, String> lookup, String key, String fallback) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int number(Function<String, String> lookup, String key, int fallback) {
        String value = text(lookup, key, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("codearena.docker." + key + " must be a number, was '" + value + "'", e);
        }
    }
}
