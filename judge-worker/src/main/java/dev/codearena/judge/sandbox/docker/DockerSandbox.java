package dev.codearena.judge.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.codearena.judge.sandbox.ResourceLimits;
import dev.codearena.judge.sandbox.RunOutcome;
import dev.codearena.judge.sandbox.RunSpec;
import dev.codearena.judge.sandbox.Sandbox;
import dev.codearena.judge.sandbox.SandboxContext;
import dev.codearena.judge.sandbox.SandboxException;
import dev.codearena.judge.sandbox.SandboxSession;
import dev.codearena.judge.sandbox.SandboxUnavailableException;
import dev.codearena.judge.sandbox.SessionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Docker sandbox: each session runs in its own runner container taken from a warm pool
 * ({@link ContainerPool}), talking to the judge's supervisor over one {@code docker exec}
 * attached stream (the same line protocol as the local sandbox). Containers have no network, a
 * read-only root, a private size-capped tmpfs scratch, memory/CPU/PID caps, no capabilities but
 * the supervisor's, no-new-privileges and the {@code seccomp-runner.json} profile.
 *
 * <p>Needs a Docker engine on this host (bind mounts share the worker's directories), the
 * runner image ({@code runner-images/build.sh}) and the right to chown files (root).
 */
public final class DockerSandbox implements Sandbox {

    public static final String NAME = "docker";
    private static final Logger log = LoggerFactory.getLogger(DockerSandbox.class);
    private static final String SECCOMP_RESOURCE = "seccomp-runner.json";

    private final DockerClient docker;
    private final ContainerPool pool;

    private DockerSandbox(DockerClient docker, ContainerPool pool) {
        this.docker = docker;
        this.pool = pool;
    }

    public static DockerSandbox create(SandboxContext context) throws SandboxException {
        return create(context, DockerSandboxSettings.fromEnvironment());
    }

    static DockerSandbox create(SandboxContext context, DockerSandboxSettings settings) throws SandboxException {
        DockerClient docker = connect();
        try {
            try {
                docker.pingCmd().exec();
            } catch (RuntimeException e) {
                throw new SandboxUnavailableException("no Docker engine reachable (DOCKER_HOST="
                        + System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock") + "): " + e.getMessage(), e);
            }
            try {
                docker.inspectImageCmd(settings.image()).exec();
            } catch (NotFoundException e) {
                throw new SandboxUnavailableException("runner image " + settings.image()
                        + " not found: build it with runner-images/build.sh", e);
            }
            Path slots = context.workDir().resolve("docker-slots");
            try {
                Files.createDirectories(slots);
                Files.setPosixFilePermissions(slots, PosixFilePermissions.fromString("rwx------"));
            } catch (IOException e) {
                throw new SandboxUnavailableException("cannot prepare " + slots, e);
            }
            removeOrphans(docker);
            UidBlock uids = UidBlock.acquire(settings.firstUid(), DockerSandboxSettings.UID_SLOTS, DockerSandboxSettings.UID_BLOCKS);
            ContainerPool pool = new ContainerPool(docker, settings, seccompProfile(),
                    context.supervisor().binary(), slots, owner(ProcessHandle.current().pid()), uids);
            DockerSandbox sandbox = new DockerSandbox(docker, pool);
            try {
                sandbox.probe();
            } catch (SandboxException | RuntimeException e) {
                sandbox.close();
                throw e;
            }
            pool.replenish();
            return sandbox;
        } catch (SandboxException | RuntimeException e) {
            closeQuietly(docker);
            throw e;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SandboxSession open(SessionSpec spec) throws SandboxException {
        WarmContainer container = pool.take(spec.scratchBytes());
        return DockerSession.open(container, spec, pool::discard);
    }

    /** Blocks until every pooled container is ready; for start-up and benchmarks. */
    public boolean awaitWarm(Duration timeout) throws InterruptedException {
        pool.replenish();
        return pool.awaitFull(timeout.toMillis());
    }

    @Override
    public void close() {
        pool.close();
        closeQuietly(docker);
    }

    /** Proves the whole path (container, mounts, supervisor, seccomp) works before anyone relies on it. */
    private void probe() throws SandboxException {
        Path empty;
        try {
            empty = Files.createTempDirectory("codearena-docker-probe");
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot create a probe directory", e);
        }
        try (SandboxSession session = open(new SessionSpec(null, empty, false, 1 << 20, null))) {
            RunOutcome outcome = session.run(new RunSpec(List.of("/bin/true"), Map.of(), null,
                    new ResourceLimits(1000, 5000, 65536, 0, 0, 1024, 8), false));
            if (!outcome.succeeded()) {
                throw new SandboxUnavailableException("the Docker sandbox cannot run /bin/true: " + outcome);
            }
        } finally {
            WarmContainer.deleteTree(empty);
        }
    }

    private static DockerClient connect() {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withApiVersion(RemoteApiVersion.VERSION_1_41)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(ContainerPool.DOCKER_CONNECTIONS)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** Containers left by a worker that died (its pid is gone): nothing else would ever remove them. */
    private static void removeOrphans(DockerClient docker) {
        try {
            List<Container> containers = docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(WarmContainer.LABEL_SANDBOX, "docker")).exec();
            for (Container container : containers) {
                String owner = container.getLabels().getOrDefault(WarmContainer.LABEL_OWNER, "");
                if (isDeadLocalOwner(owner)) {
                    log.info("removing sandbox container {} left by dead worker {}", container.getId(), owner);
                    WarmContainer.removeQuietly(docker, container.getId());
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not look for orphaned sandbox containers: {}", e.toString());
        }
    }

    private static String owner(long pid) {
        return hostName() + ":" + pid;
    }

    private static boolean isDeadLocalOwner(String owner) {
        int colon = owner.lastIndexOf(':');
        if (colon < 0 || !owner.substring(0, colon).equals(hostName())) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(owner.substring(colon + 1))).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private static String seccompProfile() throws SandboxException {
        try (InputStream in = DockerSandbox.class.getResourceAsStream(SECCOMP_RESOURCE)) {
            if (in == null) {
                throw new SandboxException("seccomp profile " + SECCOMP_RESOURCE + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SandboxException("cannot read the seccomp profile", e);
        }
    }

    private static void closeQuietly(DockerClient docker) {
        try {
            docker.close();
        } catch (IOException | RuntimeException e) {
            log.debug("closing the Docker client: {}", e.toString());
        }
    }
}
