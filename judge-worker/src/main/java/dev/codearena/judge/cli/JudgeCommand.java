package dev.codearena.judge.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.TestResult;
import dev.codearena.judge.Judge;
import dev.codearena.judge.JudgeConfig;
import dev.codearena.judge.JudgeListener;
import dev.codearena.judge.JudgeRequestException;
import dev.codearena.judge.sandbox.SandboxException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code judge --language L --source FILE --tests DIR ...}: judges one source for problem
 * authors and scripts, prints one JSON object. Exit codes: 0 judged (whatever the verdict),
 * 2 usage error, 3 request refused (source too large, language unavailable, no tests),
 * 4 the judge itself could not start (no sandbox on this machine).
 */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = "Judge one source against DIR/*.in with expected DIR/*.out; prints one JSON object.")
public final class JudgeCommand implements Callable<Integer> {

    static final int EXIT_REFUSED = 3;
    static final int EXIT_NO_SANDBOX = 4;

    @Option(names = "--language", required = true, converter = LanguageConverter.class,
            description = "cpp17, c11, python3, java17 or javascript")
    Language language;

    @Option(names = "--source", required = true, description = "the source file")
    Path source;

    @Option(names = "--tests", required = true, description = "directory with NAME.in and NAME.out")
    Path tests;

    @Option(names = "--time-limit-ms", defaultValue = "1000", description = "CPU time limit per test (default ${DEFAULT-VALUE})")
    long timeLimitMs;

    @Option(names = "--memory-mb", defaultValue = "256", description = "memory limit per test (default ${DEFAULT-VALUE})")
    int memoryMb;

    @Option(names = "--checker", defaultValue = "tokens", converter = CheckerConverter.class,
            description = "exact, tokens, float:EPS or the path of a testlib-style checker (default ${DEFAULT-VALUE})")
    CheckerSpec checker;

    @Option(names = "--sandbox", defaultValue = "local", description = "local or docker (default ${DEFAULT-VALUE})")
    String sandbox;

    @Option(names = "--all-tests", description = "run every test instead of stopping at the first failure")
    boolean allTests;

    @Option(names = "--work-dir", description = "caches and session files (default: $CODEARENA_JUDGE_WORK_DIR or the temp dir)")
    Path workDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static int run(String... args) {
        return new CommandLine(new JudgeCommand()).execute(args);
    }

    /** Runs with the given streams instead of System.out/err (tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new JudgeCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read --source " + source + ": " + e.getMessage());
        }
        if (!Files.isDirectory(tests)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tests " + tests + " is not a directory");
        }
        JudgeConfig config = JudgeConfig.defaults(sandbox);
        if (workDir != null) {
            config = config.withWorkDir(workDir.toAbsolutePath());
        }
        JudgeJob job = new JudgeJob("cli-" + UUID.randomUUID(), null, "cli", source.getFileName().toString(), 0, language,
                text, tests.toAbsolutePath().toString(), checker, timeLimitMs, memoryMb, !allTests, 1);
        try (Judge judge = Judge.create(config)) {
            if (language == Language.CPP17) {
                judge.awaitPrecompiledHeader(); // once per machine: every later compile saves ~2 s
            }
            JudgeResult result = judge.judge(job, JudgeListener.NONE);
            spec.commandLine().getOut().println(toJson(result));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (JudgeRequestException e) {
            err.println("refused (" + e.reason() + "): " + e.getMessage());
            return EXIT_REFUSED;
        } catch (SandboxException e) {
            err.println("cannot judge here: " + e.getMessage());
            return EXIT_NO_SANDBOX;
        }
    }

    static String toJson(JudgeResult result) {
        ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.ALWAYS);
        ObjectNode root = json.createObjectNode();
        root.put("verdict", result.verdict().name());
        ObjectNode compile = root.putObject("compile");
        compile.put("success", result.compile().success());
        compile.put("output", result.compile().output());
        compile.put("timeMs", result.compile().timeMs());
        compile.put("cached", result.compile().cached());
        ArrayNode tests = root.putArray("tests");
        for (TestResult test : result.tests()) {
            ObjectNode node = tests.addObject();
            node.put("name", test.name());
            node.put("verdict", test.verdict().name());
            node.put("cpuMs", test.cpuMs());
            node.put("wallMs", test.wallMs());
            node.put("memoryKb", test.memoryKb());
            node.put("exitCode", test.exitCode());
            node.put("signal", test.signal());
        }
        if (result.message() != null) {
            root.put("message", result.message());
        }
        try {
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class LanguageConverter implements CommandLine.ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            try {
                return Language.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class CheckerConverter implements CommandLine.ITypeConverter<CheckerSpec> {
        @Override
        public CheckerSpec convert(String value) {
            try {
                CheckerSpec spec = CheckerSpec.parse(value);
                if (spec.kind() == CheckerSpec.Kind.CUSTOM) {
                    // the CLI takes a checker path relative to the current directory
                    Path path = Path.of(value).toAbsolutePath();
                    if (!Files.isRegularFile(path)) {
                        throw new CommandLine.TypeConversionException("checker " + value + " not found");
                    }
                    return CheckerSpec.custom(path.toString());
                }
                return spec;
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("bad float tolerance in " + value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
