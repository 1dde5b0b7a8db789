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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The judge's Java entry point: {@link #judge(JudgeJob, JudgeListener)} compiles (or takes from
 * the cache), runs every test as a fresh process in one sandbox session, checks each output on
 * the host, streams each {@link TestResult} to the listener as it finishes, and returns the
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
            return new Judge(config, sandbox, Languages.create(config.workDir(), config.precompiledHeader()));
        } catch (IOException e) {
            throw new SandboxException("cannot prepare the judge work dir " + config.workDir(), e);
        }
    }

    public Sandbox sandbox() {
        return sandbox;
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
            compiled = compiler.compile(language, job.source(), true);
        } catch (SandboxException | IOException e) {
            log.error("compilation of {} failed in the judge", job.submissionId(), e);
            return result(job, Verdict.IE, new CompileResult(false, "", 0, false), List.of(), "internal error: " + e.getMessage());
        }
        listener.onCompiled(compiled.result());
        if (!compiled.result().success()) {
            return result(job, Verdict.CE, compiled.result(), List.of(), compiled.result().output());
        }
        return runTests(job, listener, language, compiled, tests, checker);
    }

    private JudgeResult runTests(JudgeJob job, JudgeListener listener, LanguageDefinition language,
                                 Compiler.Compiled compiled, List<TestCase> tests, Checker checker) {
        List<TestResult> results = new ArrayList<>();
        Verdict verdict = Verdict.AC;
        String message = null;
        ResourceLimits limits = limits(language, job.timeLimitMs(), job.memoryMb());
        try (SandboxSession session = sandbox.open(new SessionSpec(language.language(), compiled.programDir(), false,
                RUN_SCRATCH_BYTES, null))) {
            for (int index = 0; index < tests.size(); index++) {
                TestCase test = tests.get(index);
                TestResult result = runTest(session, language, job, limits, test, checker);
                results.add(result);
                listener.onTest(index, tests.size(), result);
                if (result.verdict() != Verdict.AC && verdict == Verdict.AC) {
                    verdict = result.verdict();
                    if (job.stopOnFirstFailure()) {
                        break;
                    }
                }
            }
        } catch (SandboxException | IOException e) {
            log.error("sandbox failure while judging {}", job.submissionId(), e);
            verdict = Verdict.IE;
            message = "internal error: " + e.getMessage();
        }
        return result(job, verdict, compiled.result(), results, message);
    }

    private TestResult runTest(SandboxSession session, LanguageDefinition language, JudgeJob job, ResourceLimits limits,
                               TestCase test, Checker checker) throws SandboxException, IOException {
        RunOutcome outcome = session.run(new RunSpec(language.runCommand(job.memoryMb()), language.environment(),
                test.input(), limits, false));
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
        sandbox.close();
    }
}
