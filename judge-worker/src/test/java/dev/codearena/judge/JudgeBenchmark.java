package dev.codearena.judge;

import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.judge.sandbox.ResourceLimits;
import dev.codearena.judge.sandbox.RunOutcome;
import dev.codearena.judge.sandbox.RunSpec;
import dev.codearena.judge.sandbox.SandboxSession;
import dev.codearena.judge.sandbox.SessionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Judge benchmark (not a test: it never runs in the normal suite). Command, figures and
 * interpretation in docs/benchmarks.md, section "Judge":
 * <pre>
 * ./mvnw -q -o -pl judge-worker test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.codearena.judge.JudgeBenchmark [-Dexec.args=local]
 * </pre>
 */
public final class JudgeBenchmark {

    static final int RUNS = 300;
    static final int SUBMISSIONS = 20;

    public static void main(String[] args) throws Exception {
        String sandboxName = args.length > 0 ? args[0] : "local";
        Path work = Files.createTempDirectory("judge-benchmark");
        JudgeConfig config = JudgeConfig.defaults(sandboxName);
        // -Dbench.warmSessions=0: every session started on demand, as before the fourth session
        config = config.withWarmSessions(Integer.getInteger("bench.warmSessions", config.warmSessions()));
        if (args.length > 1 && args[1].equals("python")) { // only the one-submission breakdown
            try (Judge judge = Judge.create(config)) {
                pythonBreakdown(judge, work);
            }
            return;
        }
        try (Judge judge = Judge.create(config)) {
            System.out.printf("sandbox %s, PCH used: %s, %d cores%n", sandboxName, judge.awaitPrecompiledHeader(),
                    Runtime.getRuntime().availableProcessors());
            pythonBreakdown(judge, work);
            perTestOverhead(judge, work);
            compileTimes(judge, work, config);
            submissionsPerSecond(judge, work, Language.PYTHON3, "a, b = map(int, input().split())\nprint(a + b)\n");
            submissionsPerSecond(judge, work, Language.CPP17,
                    "#include <bits/stdc++.h>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<\"\\n\";}\n");
        }
    }

    /** A trivial program run bare (ProcessBuilder, stdin/stdout files) vs in one warm sandbox session. */
    static void perTestOverhead(Judge judge, Path work) throws Exception {
        Path prog = Files.createDirectories(work.resolve("trivial"));
        Path source = Files.writeString(prog.resolve("main.c"), "#include <stdio.h>\nint main(void){int a,b;if(scanf(\"%d %d\",&a,&b)==2)printf(\"%d\\n\",a+b);return 0;}\n");
        Process gcc = new ProcessBuilder("gcc", "-O2", "-o", prog.resolve("main").toString(), source.toString()).inheritIO().start();
        gcc.waitFor();
        Path input = Files.writeString(work.resolve("in.txt"), "1 2\n");
        Path output = work.resolve("out.txt");

        // Bare and sandboxed runs alternate, so both see the same machine load at the same time.
        long[] bare = new long[RUNS];
        long[] boxed = new long[RUNS];
        try (SandboxSession session = judge.sandbox().open(new SessionSpec(Language.C11, prog, false, 16 << 20, null))) {
            RunSpec spec = new RunSpec(List.of("/prog/main"), Map.of("PATH", "/usr/bin:/bin"), input,
                    new ResourceLimits(1000, 3000, 256 * 1024, 0, 224 * 1024, 64L << 20, 64), false);
            for (int i = -20; i < RUNS; i++) {
                long start = System.nanoTime();
                Process p = new ProcessBuilder(prog.resolve("main").toString())
                        .redirectInput(input.toFile()).redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor(5, TimeUnit.SECONDS);
                long bareNanos = System.nanoTime() - start;
                start = System.nanoTime();
                RunOutcome outcome = session.run(spec);
                long boxedNanos = System.nanoTime() - start;
                if (!outcome.succeeded() || !Files.readString(outcome.stdout()).strip().equals("3")) {
                    throw new IllegalStateException("sandbox run failed: " + outcome);
                }
                if (i >= 0) {
                    bare[i] = bareNanos;
                    boxed[i] = boxedNanos;
                }
            }
        }
        long sessionStart = System.nanoTime();
        int sessions = 20;
        for (int i = 0; i < sessions; i++) {
            judge.sandbox().open(new SessionSpec(Language.C11, prog, false, 16 << 20, null)).close();
        }
        double sessionMs = (System.nanoTime() - sessionStart) / 1e6 / sessions;
        System.out.printf("per-test run, trivial C program, %d warm runs, alternating: bare min %.2f p50 %.2f p90 %.2f ms | sandbox min %.2f p50 %.2f p90 %.2f ms | overhead: min %.2f ms, p50 %.2f ms%n",
                RUNS, ms(bare, 0), ms(bare, 50), ms(bare, 90), ms(boxed, 0), ms(boxed, 50), ms(boxed, 90),
                ms(boxed, 0) - ms(bare, 0), ms(boxed, 50) - ms(bare, 50));
        System.out.printf("sandbox session open+close (once per submission): %.1f ms%n", sessionMs);
    }

    static void compileTimes(Judge judge, Path work, JudgeConfig config) throws Exception {
        String typical = """
                #include <bits/stdc++.h>
                using namespace std;
                int main() {
                    ios::sync_with_stdio(false); cin.tie(nullptr);
                    int n; cin >> n; vector<long long> a(n); for (auto &x : a) cin >> x;
                    sort(a.begin(), a.end()); map<long long, int> freq; for (auto x : a) freq[x]++;
                    set<long long> s(a.begin(), a.end()); priority_queue<long long> pq(a.begin(), a.end());
                    long long best = 0; for (auto [k, v] : freq) best = max(best, k * v);
                    cout << best << ' ' << s.size() << ' ' << (pq.empty() ? 0 : pq.top()) << '\\n';
                }
                """;
        Path file = Files.writeString(work.resolve("typical.cpp"), typical);
        double plain = 0;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder("g++", "-std=c++17", "-O2", "-pipe", "-o", work.resolve("typical").toString(), file.toString())
                    .inheritIO().start();
            p.waitFor();
            plain += (System.nanoTime() - start) / 1e6 / 3;
        }
        double pch = 0;
        double compileOnly = 0;
        double cached = 0;
        for (int i = 0; i < 3; i++) {
            String unique = typical + "// run " + UUID.randomUUID() + "\n";
            long start = System.nanoTime();
            JudgeResult first = judge.judge(job(Language.CPP17, unique, "bench-compile", work), JudgeListener.NONE);
            pch += (System.nanoTime() - start) / 1e6 / 3;
            check(first.compile().success() && !first.compile().cached(), first);
            compileOnly += first.compile().timeMs() / 3.0;
            start = System.nanoTime();
            JudgeResult again = judge.judge(job(Language.CPP17, unique, "bench-compile", work), JudgeListener.NONE);
            cached += (System.nanoTime() - start) / 1e6 / 3;
            check(again.compile().cached(), again);
        }
        System.out.printf("C++17 compile of a typical bits/stdc++.h solution: plain g++ -O2 on the host %.0f ms | judge compile step with PCH, in the sandbox %.0f ms (%.2f of plain); whole judge call incl. 10 tests %.0f ms | cached source, whole judge call %.0f ms%n",
                plain, compileOnly, compileOnly / plain, pch, cached);
    }

    static void submissionsPerSecond(Judge judge, Path work, Language language, String source) throws Exception {
        judge.judge(job(language, source, "bench-10", work), JudgeListener.NONE); // compile once, then cached
        long start = System.nanoTime();
        for (int i = 0; i < SUBMISSIONS; i++) {
            JudgeResult result = judge.judge(job(language, source, "bench-10", work), JudgeListener.NONE);
            check(result.verdict() == Verdict.AC && result.tests().size() == 10, result);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s, 10 tests, compiled source cached, sequential: %.1f submissions/s (%.0f ms per submission)%n",
                language.id(), SUBMISSIONS / seconds, seconds * 1000 / SUBMISSIONS);
    }

    /**
     * Where the time of one Python submission with 10 small tests goes, inside the judge: a new source
     * each time (as in a match, so the syntax-check "compile" is never a cache hit), the phases timed
     * from the listener's callbacks on the judging thread, CPU of this JVM and its waited-for children.
     */
    static void pythonBreakdown(Judge judge, Path work) throws Exception {
        int count = 30;
        int warm = 5;
        long[] total = new long[count - warm];
        long[] compile = new long[count - warm];
        long[] toFirstTest = new long[count - warm];
        long[] perTest = new long[count - warm];
        long[] afterLast = new long[count - warm];
        long[] testWall = new long[count - warm];
        long[] testCpu = new long[count - warm];
        long cpu0 = 0;
        long group0 = -1;
        for (int i = 0; i < count; i++) {
            if (i == warm) {
                cpu0 = cpuNanosWithChildren();
                group0 = cpuacctNanos();
            }
            String source = "import sys\nfor line in sys.stdin:\n    a, b = map(int, line.split())\n    print(a + b)\n# " + UUID.randomUUID() + "\n";
            long[] marks = new long[12];
            long[] wall = new long[1];
            long[] cpu = new long[1];
            long start = System.nanoTime();
            JudgeResult result = judge.judge(job(Language.PYTHON3, source, "bench-10", work), new JudgeListener() {
                @Override
                public void onTest(int index, int tests, dev.codearena.api.judge.TestResult test) {
                    marks[1 + index] = System.nanoTime();
                    wall[0] += test.wallMs();
                    cpu[0] += test.cpuMs();
                }

                @Override
                public void onCompiled(dev.codearena.api.judge.CompileResult compiled) {
                    marks[0] = System.nanoTime();
                }
            });
            long end = System.nanoTime();
            check(result.verdict() == Verdict.AC && result.tests().size() == 10 && !result.compile().cached(), result);
            if (i >= warm) {
                int k = i - warm;
                total[k] = end - start;
                compile[k] = marks[0] - start;
                toFirstTest[k] = marks[1] - marks[0];
                perTest[k] = (marks[10] - marks[1]) / 9;
                afterLast[k] = end - marks[10];
                testWall[k] = wall[0] * 1_000_000 / 10;
                testCpu[k] = cpu[0] * 1_000_000 / 10;
            }
        }
        double cpuPerSubmission = (cpuNanosWithChildren() - cpu0) / 1e6 / (count - warm);
        Thread.sleep(1000); // the measured submissions' sessions finish tearing down: their CPU is theirs
        long group1 = cpuacctNanos();
        if (group0 >= 0 && group1 >= 0) {
            System.out.printf("CPU per submission, everything in this JVM's cpuacct cgroup (JVM, bubblewrap, supervisors,"
                    + " fork servers, tests): %.1f ms%n", (group1 - group0) / 1e6 / (count - warm));
        }
        System.out.printf("Python 3, 10 tests, new source each time, %d warm sessions, whole Judge.judge p50 %.1f ms (min %.1f):"
                        + " syntax check passed (own session; the tests run alongside it) %.1f"
                        + " | check passed -> first test reported %.1f | per further test %.1f (judge-reported wall %.1f, cpu %.1f)"
                        + " | last test -> return %.1f ms; CPU per submission (JVM + children) %.1f ms; loadavg %s%n",
                judge.config().warmSessions(), ms(total, 50), ms(total, 0), ms(compile, 50), ms(toFirstTest, 50), ms(perTest, 50),
                ms(testWall, 50), ms(testCpu, 50), ms(afterLast, 50), cpuPerSubmission, Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /**
     * CPU of everything in this JVM's cpuacct cgroup (v1), when the benchmark was started in a group of
     * its own (-1 otherwise): unlike the JVM's reaped-children figure it includes the sandboxes' processes.
     * <pre>mkdir /sys/fs/cgroup/cpuacct/judge-bench; sh -c 'echo $$ > /sys/fs/cgroup/cpuacct/judge-bench/cgroup.procs; exec java ...'</pre>
     */
    static long cpuacctNanos() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] parts = line.split(":", 3);
                if (parts.length == 3 && List.of(parts[1].split(",")).contains("cpuacct") && !parts[2].equals("/")) {
                    return Long.parseLong(Files.readString(Path.of("/sys/fs/cgroup/cpuacct" + parts[2], "cpuacct.usage")).trim());
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no cgroup v1 cpuacct here
        }
        return -1;
    }

    /** This JVM's CPU plus that of its waited-for children (sandboxes and the programs they ran), from /proc. */
    static long cpuNanosWithChildren() throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks * 10_000_000L;
    }

    static JudgeJob job(Language language, String source, String testsName, Path work) throws Exception {
        Path tests = work.resolve(testsName);
        if (!Files.isDirectory(tests)) {
            Files.createDirectories(tests);
            for (int i = 1; i <= 10; i++) {
                Files.writeString(tests.resolve(i + ".in"), i + " " + (i * 7) + "\n");
                Files.writeString(tests.resolve(i + ".out"), (i + i * 7) + "\n");
            }
        }
        return new JudgeJob("bench-" + UUID.randomUUID(), null, "bench", testsName, 1, language, source, tests.toString(),
                CheckerSpec.TOKENS, 2000, 256, false, 1);
    }

    static void check(boolean ok, JudgeResult result) {
        if (!ok) {
            throw new IllegalStateException("unexpected result: " + result);
        }
    }

    static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }
}
