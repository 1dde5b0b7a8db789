package dev.codearena.judge.bench;

import dev.codearena.judge.sandbox.ResourceLimits;
import dev.codearena.judge.sandbox.RunOutcome;
import dev.codearena.judge.sandbox.RunSpec;
import dev.codearena.judge.sandbox.Sandbox;
import dev.codearena.judge.sandbox.SandboxContext;
import dev.codearena.judge.sandbox.SandboxSession;
import dev.codearena.judge.sandbox.Sandboxes;
import dev.codearena.judge.sandbox.SessionSpec;
import dev.codearena.judge.sandbox.SupervisorBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Per-test overhead of a sandbox over running the same trivial program bare, warm: the session
 * (container, supervisor) is open, as it is for every test of a submission after the first.
 * Bare = the worker spawning the program itself and waiting for it; sandboxed = one request to
 * the in-sandbox supervisor and its report back (fork, limits, uid drop, exec, wait, sweep).
 *
 * <p>Run (see docs/benchmarks.md): {@code java -cp <test classpath> dev.codearena.judge.bench.DockerSandboxOverheadBenchmark [sandbox] [runs]}
 */
public final class DockerSandboxOverheadBenchmark {

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "docker";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path work = Files.createTempDirectory("codearena-bench-" + name);
        Path program = Files.createDirectories(work.resolve("prog"));
        List<String> trivial = List.of("/bin/true");

        double[] bare = new double[runs];
        for (int i = -runs / 5; i < runs; i++) { // the first fifth warms up
            long start = System.nanoTime();
            Process process = new ProcessBuilder(trivial).start();
            process.waitFor();
            if (i >= 0) {
                bare[i] = (System.nanoTime() - start) / 1e6;
            }
        }

        double[] sandboxed = new double[runs];
        try (Sandbox sandbox = Sandboxes.create(name, new SandboxContext(work, SupervisorBinary.build(work)));
             SandboxSession session = sandbox.open(new SessionSpec(null, program, false, 1 << 20, null))) {
            RunSpec spec = new RunSpec(trivial, Map.of(), null, new ResourceLimits(1000, 3000, 64 * 1024, 0, 0, 1 << 20, 8), false);
            for (int i = -runs / 5; i < runs; i++) {
                long start = System.nanoTime();
                RunOutcome outcome = session.run(spec);
                if (!outcome.succeeded()) {
                    throw new IllegalStateException("trivial run failed: " + outcome);
                }
                if (i >= 0) {
                    sandboxed[i] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        System.out.printf("sandbox=%s runs=%d program=%s%n", name, runs, trivial);
        System.out.printf("bare      p50 %.2f ms  mean %.2f ms  p99 %.2f ms%n", percentile(bare, 50), mean(bare), percentile(bare, 99));
        System.out.printf("sandboxed p50 %.2f ms  mean %.2f ms  p99 %.2f ms%n", percentile(sandboxed, 50), mean(sandboxed), percentile(sandboxed, 99));
        System.out.printf("overhead  p50 %.2f ms  mean %.2f ms%n", percentile(sandboxed, 50) - percentile(bare, 50), mean(sandboxed) - mean(bare));
        System.exit(0);
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p / 100 * (sorted.length - 1)))];
    }
}
