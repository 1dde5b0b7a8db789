package dev.codearena.arena.standalone;

import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Each service's own executable jar (the {@code -exec} jars the reactor build produced before
 * this module) runs as a separate process against external PostgreSQL and Redis, configured
 * only through the documented environment variables, becomes ready, and stops on SIGTERM.
 */
@EmbeddedInfrastructureTest
class StandaloneServicesTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern READY = Pattern.compile("event=codearena-ready .*http=http://localhost:(\\d+)/");

    @Test
    void commandSideQuerySideAndJudgeWorkerEachRunAlone() throws Exception {
        String database = EmbeddedInfrastructureExtension.newDatabase("standalone");
        String redis = EmbeddedInfrastructureExtension.infrastructure().redisUrl();
        Map<String, String> environment = Map.of(
                "CODEARENA_POSTGRES_URL", database,
                "CODEARENA_POSTGRES_USERNAME", EmbeddedInfrastructureExtension.infrastructure().username(),
                "CODEARENA_POSTGRES_PASSWORD", "",
                "CODEARENA_REDIS_URL", redis);

        List<Service> services = new ArrayList<>();
        try {
            // Started together: three JVM start-ups in sequence would dominate the test's time.
            services.add(Service.start("command-side", environment));
            services.add(Service.start("query-side", environment));
            services.add(Service.start("judge-worker", Map.of("CODEARENA_REDIS_URL", redis)));

            for (Service service : services.subList(0, 2)) {
                int port = service.awaitLogMatch(READY).map(m -> Integer.parseInt(m.group(1)))
                        .orElseGet(() -> fail(service.name + " never reported ready; log " + service.log));
                assertThat(readiness(port)).as(service.name + " readiness").contains("\"status\":\"UP\"");
            }
            Service judge = services.get(2);
            assertThat(judge.awaitLogMatch(Pattern.compile("Started JudgeWorkerApplication"))).as("judge-worker started; log " + judge.log).isPresent();

            for (Service service : services) {
                assertThat(service.stop()).as(service.name + " exit status after SIGTERM").isIn(0, 143);
            }
        } finally {
            services.forEach(Service::kill);
        }
    }

    private static String readiness(int port) throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(20)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private record Service(String name, Process process, Path log) {

        static Service start(String module, Map<String, String> environment) throws IOException {
            Path jar = execJar(module);
            Path log = Path.of("target", "standalone-" + module + ".log").toAbsolutePath();
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=0")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            return new Service(module, builder.start(), log);
        }

        private static Path execJar(String module) throws IOException {
            Path target = Path.of("..", module, "target");
            try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
                return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("No executable jar in " + target.toAbsolutePath()
                                + "; build the reactor (./mvnw verify) so " + module + " is packaged before arena's tests"));
            }
        }

        Optional<Matcher> awaitLogMatch(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                Matcher matcher = pattern.matcher(read());
                if (matcher.find()) {
                    return Optional.of(matcher);
                }
                if (!process.isAlive()) {
                    return Optional.empty();
                }
                Thread.sleep(200);
            }
            return Optional.empty();
        }

        int stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                fail(name + " did not stop within 60 s of SIGTERM; log " + log);
            }
            return process.exitValue();
        }

        void kill() {
            process.destroyForcibly();
        }

        private String read() {
            try {
                return Files.exists(log) ? Files.readString(log) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
