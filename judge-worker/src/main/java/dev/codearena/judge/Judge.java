package dev.codearena.judge;

import dev.codearena.api.judge.CompileResult;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.TestResult;
import dev.codearena.api.judge.Verdict;
import dev.codearena.judge.check.CheckResult;
import dev.codearena.judge.check.Checker;
import dev.codearena.judge.check.Checkers;
import dev.codearena.judge.language.LanguageDefinition;
import dev.codearena.judge.language.LanguageHealth;
import dev.codearena.judge.language.Languages;
import dev.codearena.judge.sandbox.ResourceLimits;
import dev.codearena.judge.sandbox.RunOutcome;
import dev.codearena.judge.sandbox.RunSpec;
import dev.codearena.judge.sandbox.Sandbox;
import dev.codearena.judge.sandbox.SandboxContext;
import dev.codearena.judge.sandbox.SandboxException;
import dev.codearena.judge.sandbox.SandboxSession;
import dev.codearena.judge.sandbox.Sandboxes;
import dev.codearena.judge.sandbox.SessionSpec;
import dev.codearena.judge.sandbox.SupervisorBinary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The judge's Java entry point: {@link #judge(JudgeJob, JudgeListener)} compiles (or takes from
 * the cache), runs every test as a fresh process in a sandbox session ({@link JudgeConfig#testSessions}
 * sessions side by side), checks each output on the host, streams each {@link TestResult} to the
 * listener in test order as soon as it and the tests before it finished, and returns the
 * {@link JudgeResult}. Thread-safe; each call uses its own sandbox sessions.
 *
 * <p>Submission verdict: CE if compilation fails; otherwise the verdict of the first test (in
 * natural name order) that is not AC, else AC. Judging stops at that test when the job says
 * {@code stopOnFirstFailure}. Per-test verdicts follow {@link VerdictRules}.
 */
public final class Judge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Judge.class);

    public static final int MIN_MEMORY_MB = 16;
    public static final int MAX_MEMORY_MB = 2048;
    public static final long MAX_TIME_LIMIT_MS = 30_000;
    /** Output limit per test: generous for any real answer, small enough to protect the host. */
    public static final long OUTPUT_LIMIT_BYTES = 64L << 20;
    public static final int PROCESS_LIMIT = 64;
    static final long RUN_SCRATCH_BYTES = 64L << 20;
    /** Wall limit = CPU limit × factor + slack: waiting on I/O or a busy machine is not the player's fault, sleeping forever is. */
    static final int WALL_FACTOR = 2;
    static final long WALL_SLACK_MS = 1000;

    private final JudgeConfig config;
    private final Sandbox sandbox;
    private final Languages languages;
    private final Compiler compiler;
    private final Checkers checkers;
    private final LanguageHealth health = new LanguageHealth();
    /** Runs a submission's tests in its further sessions (the judging thread runs the first one). */
    private final ExecutorService testRunners = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "judge-test-session");
        thread.setDaemon(true);
        return thread;
    });

    private Judge(JudgeConfig config, Sandbox sandbox, Languages languages) throws IOException {
        this.config = config;
        this.sandbox = sandbox;
        this.languages = languages;
        this.compiler = new Compiler(config.workDir(), sandbox, config.compileTimeLimitMs());
        this.checkers = new Checkers(config.workDir());
    }

    /** Prepares the work dir, the supervisor, the sandbox and (once per compiler) the C++ PCH. */
    public static Judge create(JudgeConfig config) throws SandboxException {
        try {
            Files.createDirectories(config.workDir());
            SupervisorBinary supervisor = SupervisorBinary.build(config.workDir());
            Sandbox sandbox = Sandboxes.create(config.sandbox(), new SandboxContext(config.workDir(), supervisor));
            Judge judge = new Judge(config, sandbox, Languages.create(config.workDir(), config.precompiledHeader()));
            sandbox.keepWarm(RUN_SCRATCH_BYTES, config.warmSessions());
            return judge;
        } catch (IOException e) {
            throw new SandboxException("cannot prepare the judge work dir " + config.workDir(), e);
        }
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public JudgeConfig config() {
        return config;
    }

    public LanguageHealth health() {
        return health;
    }

    /** Blocks until the C++ precompiled header is ready (the CLI and benchmarks want it); true if used. */
    public boolean awaitPrecompiledHeader() {
        return languages.awaitPrecompiledHeader();
    }

    /** Starts building the C++ precompiled header in the background (a long-running worker does this at start-up). */
    public void startPrecompiledHeader() {
        languages.startPrecompiledHeader();
    }

    /**
     * Compiles and runs every language's hello-world through the real sandbox and records which
     * languages work; unusable ones are then refused with {@link JudgeRequestException.Reason#LANGUAGE_UNAVAILABLE}.
     */
    public LanguageHealth selfTest() {
        for (Language language : Language.values()) {
            long start = System.nanoTime();
            LanguageHealth.Status status;
            try {
                status = selfTest(languages.get(language), start);
            } catch (SandboxException | IOException | RuntimeException e) {
                status = new LanguageHealth.Status(false, "self-test failed: " + e.getMessage(), (System.nanoTime() - start) / 1_000_000);
            }
            health.record(language, status);
            if (!status.usable()) {
                log.warn("language {} is unusable: {}", language.id(), status.detail());
            }
        }
        return health;
    }

    private LanguageHealth.Status selfTest(LanguageDefinition language, long start) throws SandboxException, IOException {
        Compiler.Compiled compiled = compiler.compile(language, language.helloWorld(), false);
        if (!compiled.result().success()) {
            return new LanguageHealth.Status(false, "hello-world does not compile: " + compiled.result().output(), 0);
        }
        Path input = Files.writeString(Files.createTempFile(config.workDir(), "selftest", ".in"), "arena\n");
        try (SandboxSession session = sandbox.open(new SessionSpec(language.language(), compiled.programDir(), false,
                RUN_SCRATCH_BYTES, null))) {
            RunOutcome outcome = session.run(new RunSpec(language.runCommand(256), language.environment(), input,
                    limits(language, 5000, 256), false));
            String output = Files.readString(outcome.stdout(), StandardCharsets.UTF_8).strip();
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!outcome.succeeded() || !output.equals("hello arena")) {
                return new LanguageHealth.Status(false, "hello-world run failed: " + outcome.status() + " exit "
                        + outcome.exitCode() + " signal " + outcome.signal() + " output '" + output + "' "
                        + Compiler.readPrefix(outcome.stderr(), 500), millis);
            }
            return new LanguageHealth.Status(true, "ok", millis);
        } finally {
            Files.deleteIfExists(input);
        }
    }

    /** Validates, compiles and judges; see the class comment for how verdicts combine. */
    public JudgeResult judge(JudgeJob job, JudgeListener listener) throws JudgeRequestException {
        Path testsDir = validate(job);
        List<TestCase> tests;
        Checker checker;
        try {
            tests = TestCase.discover(testsDir);
        } catch (IOException e) {
            throw new JudgeRequestException(JudgeRequestException.Reason.TESTS_NOT_FOUND, "cannot read tests: " + e.getMessage());
        }
        if (tests.isEmpty()) {
            throw new JudgeRequestException(JudgeRequestException.Reason.TESTS_NOT_FOUND, "no NAME.in/NAME.out tests in " + testsDir);
        }
        try {
            checker = checkers.forSpec(job.checker(), testsDir);
        } catch (IOException e) {
            throw new JudgeRequestException(JudgeRequestException.Reason.INVALID_REQUEST, e.getMessage());
        }
        LanguageDefinition language = languages.get(job.language());
        Compiler.Compiled compiled;
        try {
            compiled = compiler.cached(language, job.source());
            if (compiled == null && language.compileOnlyChecks()) {
                return checkWhileTesting(job, listener, language, tests, checker);
            }
            if (compiled == null) {
                compiled = compiler.compile(language, job.source(), false);
            }
        } catch (SandboxException | IOException e) {
            log.error("compilation of {} failed in the judge", job.submissionId(), e);
            return result(job, Verdict.IE, new CompileResult(false, "", 0, false), List.of(), "internal error: " + e.getMessage());
        }
        listener.onCompiled(compiled.result());
        if (!compiled.result().success()) {
            return result(job, Verdict.CE, compiled.result(), List.of(), compiled.result().output());
        }
        OrderedResults ordered = new OrderedResults(tests.size(), job.stopOnFirstFailure(), listener, false);
        String failure = runTests(job, language, compiled.programDir(), tests, checker, ordered);
        return failure != null ? result(job, Verdict.IE, compiled.result(), ordered.reported(), failure)
                : result(job, ordered.verdict(), compiled.result(), ordered.reported(), null);
    }

    /**
     * For a language whose compile step only checks the source: runs the check in its own session
     * while the tests already run from the source in theirs, and holds every test result back
     * until the check passed. A submission that fails the check is CE with no test result, exactly
     * as if the tests had never started (they are stopped; a program with a syntax error does
     * not get past its interpreter's own compile anyway).
     */
    private JudgeResult checkWhileTesting(JudgeJob job, JudgeListener listener, LanguageDefinition language,
                                          List<TestCase> tests, Checker checker) throws IOException {
        Path programDir = compiler.stageSource(language, job.source());
        try {
            OrderedResults ordered = new OrderedResults(tests.size(), job.stopOnFirstFailure(), listener, true);
            Future<Compiler.Compiled> check = testRunners.submit(() -> {
                try {
                    Compiler.Compiled compiled = compiler.compile(language, job.source(), true);
                    if (compiled.result().success()) {
                        ordered.release(() -> listener.onCompiled(compiled.result()));
                    } else {
                        ordered.abort();
                    }
                    return compiled;
                } catch (SandboxException | IOException | RuntimeException e) {
                    ordered.abort();
                    throw e;
                }
            });
            String failure;
            Compiler.Compiled compiled;
            try {
                failure = runTests(job, language, programDir, tests, checker, ordered);
                compiled = check.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result(job, Verdict.IE, new CompileResult(false, "", 0, false), List.of(), "internal error: interrupted");
            } catch (ExecutionException e) {
                log.error("compilation of {} failed in the judge", job.submissionId(), e.getCause());
                return result(job, Verdict.IE, new CompileResult(false, "", 0, false), List.of(),
                        "internal error: " + e.getCause().getMessage());
            } finally {
                if (!check.isDone()) {
                    // leaving early (the tests threw, or this thread was interrupted): the check must not
                    // tell the listener anything about a submission judge() has already answered for
                    ordered.close();
                    check.cancel(true);
                }
            }
            if (!compiled.result().success()) {
                listener.onCompiled(compiled.result());
                return result(job, Verdict.CE, compiled.result(), List.of(), compiled.result().output());
            }
            return failure != null ? result(job, Verdict.IE, compiled.result(), ordered.reported(), failure)
                    : result(job, ordered.verdict(), compiled.result(), ordered.reported(), null);
        } finally {
            dev.codearena.judge.sandbox.Files2.deleteTree(programDir);
        }
    }

    /**
     * Runs the tests over {@code min(testSessions, tests)} sandbox sessions side by side: each
     * session's thread takes the next test in order until none is left (or, with
     * {@code stopOnFirstFailure}, until a test before it failed). Results reach the listener and
     * the result in test order, up to the first failure when judging stops there, exactly as if
     * the tests had run one after the other; a test after the first failure that already ran
     * because another session picked it up meanwhile is dropped. Returns once every session is
     * done, with the reason if the sandbox failed (then the verdict is IE), else null.
     */
    private String runTests(JudgeJob job, LanguageDefinition language, Path programDir, List<TestCase> tests,
                            Checker checker, OrderedResults ordered) {
        ResourceLimits limits = limits(language, job.timeLimitMs(), job.memoryMb());
        SessionSpec spec = new SessionSpec(language.language(), programDir, false, RUN_SCRATCH_BYTES, null);
        int sessions = Math.min(config.testSessions(), tests.size());
        List<Future<?>> helpers = new ArrayList<>();
        String failure = null;
        RuntimeException unexpected = null;
        try {
            for (int i = 1; i < sessions; i++) {
                helpers.add(testRunners.submit(() -> {
                    runSome(spec, job, language, limits, tests, checker, ordered);
                    return null;
                }));
            }
            runSome(spec, job, language, limits, tests, checker, ordered);
        } catch (SandboxException | IOException e) {
            log.error("sandbox failure while judging {}", job.submissionId(), e);
            failure = "internal error: " + e.getMessage();
        } catch (RuntimeException e) {
            // runSome stopped the other sessions; they must be done before this call returns
            unexpected = e;
        }
        for (Future<?> helper : helpers) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "internal error: interrupted";
            } catch (ExecutionException e) {
                log.error("sandbox failure while judging {}", job.submissionId(), e.getCause());
                failure = "internal error: " + e.getCause().getMessage();
            }
        }
        if (unexpected != null) {
            throw unexpected;
        }
        return failure;
    }

    /** One session's share: takes tests in order until none is left or judging stopped. */
    private void runSome(SessionSpec spec, JudgeJob job, LanguageDefinition language, ResourceLimits limits,
                         List<TestCase> tests, Checker checker, OrderedResults ordered) throws SandboxException, IOException {
        try (SandboxSession session = sandbox.open(spec)) {
            for (int index = ordered.next(); index >= 0; index = ordered.next()) {
                ordered.done(index, runTest(session, language, job, limits, tests.get(index), checker));
            }
        } catch (SandboxException | IOException | RuntimeException e) {
            ordered.abort();
            throw e;
        }
    }

    /**
     * Hands out test indexes to the sessions and passes finished results on to the listener in
     * test order (one call at a time), stopping after the first failure when the job says so.
     * While held (the syntax check still running), results are accepted in order but reach the
     * listener only on {@link #release}.
     */
    static final class OrderedResults {
        private final TestResult[] results;
        private final boolean stopOnFirstFailure;
        private final JudgeListener listener;
        private final List<TestResult> accepted = new ArrayList<>();
        private int nextToRun;
        private int published;
        private boolean stopped;
        private boolean held;
        private boolean closed;
        private Verdict verdict = Verdict.AC;

        OrderedResults(int count, boolean stopOnFirstFailure, JudgeListener listener, boolean held) {
            this.results = new TestResult[count];
            this.stopOnFirstFailure = stopOnFirstFailure;
            this.listener = listener;
            this.held = held;
        }

        /** The next test to run, or -1 when there is none left or judging has stopped. */
        synchronized int next() {
            return stopped || nextToRun >= results.length ? -1 : nextToRun++;
        }

        synchronized void done(int index, TestResult result) {
            results[index] = result;
            while (!stopped && accepted.size() < results.length && results[accepted.size()] != null) {
                TestResult inOrder = results[accepted.size()];
                accepted.add(inOrder);
                if (inOrder.verdict() != Verdict.AC && verdict == Verdict.AC) {
                    verdict = inOrder.verdict();
                    stopped = stopOnFirstFailure;
                }
            }
            publish();
        }

        /** Lets results through from now on, after {@code first} (told under the same lock). */
        synchronized void release(Runnable first) {
            if (closed) {
                return;
            }
            first.run();
            held = false;
            publish();
        }

        private void publish() {
            while (!held && !closed && published < accepted.size()) {
                listener.onTest(published, results.length, accepted.get(published));
                published++;
            }
        }

        /** Stops handing out tests and accepting results (a held result then never reaches the listener). */
        synchronized void abort() {
            stopped = true;
        }

        /** Judging is over for the caller: nothing more reaches the listener, whoever calls. */
        synchronized void close() {
            stopped = true;
            closed = true;
        }

        synchronized Verdict verdict() {
            return verdict;
        }

        synchronized List<TestResult> reported() {
            return List.copyOf(accepted);
        }
    }

    private TestResult runTest(SandboxSession session, LanguageDefinition language, JudgeJob job, ResourceLimits limits,
                               TestCase test, Checker checker) throws SandboxException, IOException {
        RunOutcome outcome = session.run(new RunSpec(language.runCommand(job.memoryMb()), language.environment(),
                test.input(), limits, false, language.runsFromForkServer()));
        String stderr = outcome.status() == RunOutcome.Status.ERROR ? "" : Compiler.readPrefix(outcome.stderr(), 8192);
        Verdict verdict = VerdictRules.classify(outcome, limits.cpuMs(), language, stderr);
        if (outcome.status() == RunOutcome.Status.ERROR) {
            log.error("sandbox could not run test {} of {}: {}", test.name(), job.submissionId(), outcome.error());
        }
        if (verdict == null) {
            CheckResult check = checker.check(test.input(), test.expected(), outcome.stdout());
            verdict = check.verdict();
            if (verdict == Verdict.IE) {
                log.error("checker failed on test {} of {}: {}", test.name(), job.submissionId(), check.message());
            }
        }
        return new TestResult(test.name(), verdict, outcome.cpuMs(), outcome.wallMs(), outcome.memoryKb(),
                outcome.exitCode(), outcome.signal());
    }

    static ResourceLimits limits(LanguageDefinition language, long timeLimitMs, int memoryMb) {
        long cpu = timeLimitMs + language.startupAllowanceMs();
        return new ResourceLimits(cpu, cpu * WALL_FACTOR + WALL_SLACK_MS, language.memoryBudgetKb(memoryMb),
                language.addressSpaceKbWithoutCgroup(memoryMb), language.stackKb(memoryMb), OUTPUT_LIMIT_BYTES, PROCESS_LIMIT);
    }

    private Path validate(JudgeJob job) throws JudgeRequestException {
        if (job.language() == null) {
            throw new JudgeRequestException(JudgeRequestException.Reason.INVALID_REQUEST, "no language given");
        }
        if (job.source() == null || job.source().isEmpty()) {
            throw new JudgeRequestException(JudgeRequestException.Reason.INVALID_REQUEST, "the source is empty");
        }
        int bytes = job.source().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > JudgeJob.MAX_SOURCE_BYTES) {
            throw new JudgeRequestException(JudgeRequestException.Reason.SOURCE_TOO_LARGE,
                    "source is " + bytes + " bytes; the limit is " + JudgeJob.MAX_SOURCE_BYTES + " bytes (64 KB)");
        }
        if (!health.usable(job.language())) {
            throw new JudgeRequestException(JudgeRequestException.Reason.LANGUAGE_UNAVAILABLE,
                    job.language().displayName() + " is not available on this worker: " + health.status(job.language()).detail());
        }
        if (job.timeLimitMs() <= 0 || job.timeLimitMs() > MAX_TIME_LIMIT_MS) {
            throw new JudgeRequestException(JudgeRequestException.Reason.INVALID_REQUEST,
                    "time limit must be in 1.." + MAX_TIME_LIMIT_MS + " ms, got " + job.timeLimitMs());
        }
        if (job.memoryMb() < MIN_MEMORY_MB || job.memoryMb() > MAX_MEMORY_MB) {
            throw new JudgeRequestException(JudgeRequestException.Reason.INVALID_REQUEST,
                    "memory limit must be in " + MIN_MEMORY_MB + ".." + MAX_MEMORY_MB + " MB, got " + job.memoryMb());
        }
        if (job.testsDir() == null) {
            throw new JudgeRequestException(JudgeRequestException.Reason.TESTS_NOT_FOUND, "no tests directory given");
        }
        Path dir = config.problemsRoot().resolve(job.testsDir()).normalize();
        if (!Files.isDirectory(dir)) {
            throw new JudgeRequestException(JudgeRequestException.Reason.TESTS_NOT_FOUND, "tests directory not found: " + dir);
        }
        return dir;
    }

    private JudgeResult result(JudgeJob job, Verdict verdict, CompileResult compile, List<TestResult> tests, String message) {
        return new JudgeResult(job.submissionId(), job.matchId(), job.playerId(), verdict, compile, List.copyOf(tests),
                message, config.workerId(), job.attempt());
    }

    @Override
    public void close() {
        testRunners.shutdownNow();
        sandbox.close();
    }
}
