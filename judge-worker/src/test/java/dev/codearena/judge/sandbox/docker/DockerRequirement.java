package dev.codearena.judge.sandbox.docker;

import dev.codearena.judge.sandbox.SandboxUnavailableException;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether a missing Docker engine fails the build or skips the Docker tests. CI asks for Docker
 * ({@code CI=true}, which CI systems set and which also turns on the {@code ci-requires-docker}
 * Maven profile, or {@code CODEARENA_REQUIRE_DOCKER=true} as environment variable or system
 * property, the same switch the judge's suite fixture reads): there the Docker sandbox must be
 * tested for real, so its absence is a failure, never a silent skip.
 */
public final class DockerRequirement {

    private DockerRequirement() {
    }

    public static boolean required() {
        return isTrue(System.getProperty("CODEARENA_REQUIRE_DOCKER", System.getenv("CODEARENA_REQUIRE_DOCKER")))
                || isTrue(System.getenv("CI"));
    }

    /** Fails when Docker is required, otherwise aborts (skips) the calling test. */
    public static void unavailable(SandboxUnavailableException why) {
        if (required()) {
            throw new AssertionError("Docker is required here (CI / CODEARENA_REQUIRE_DOCKER) but unavailable: "
                    + why.getMessage(), why);
        }
        Assumptions.abort("Docker sandbox unavailable: " + why.getMessage());
    }

    private static boolean isTrue(String value) {
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
    }
}
