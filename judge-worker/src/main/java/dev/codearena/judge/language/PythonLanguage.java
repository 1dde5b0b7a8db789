package dev.codearena.judge.language;

import dev.codearena.api.judge.Language;
import java.util.List;

/**
 * Python 3 from /usr/bin (never a pyenv shim: the sandbox sees only /usr). The "compile" is a
 * syntax check, so syntax errors are CE rather than a RE on the first test.
 */
final class PythonLanguage extends LanguageDefinition {

    PythonLanguage() {
        super(Language.PYTHON3, "main.py", "main.py");
    }

    /**
     * The built-in {@code compile} of the source bytes, exactly what {@code py_compile} (and the
     * import system) runs, without importing {@code py_compile} and its dependencies or writing a
     * {@code .pyc} nobody reads: 11 instead of 28 ms of CPU per submission (measured, docs/benchmarks.md).
     * A syntax error prints the lines {@code py_compile} wraps in its exception ({@code File "main.py",
     * line N}, the caret, the error) and exits 1. One line, as the sandbox protocol takes no line
     * breaks. Our own script, so it also skips {@code site} ({@code -S}) and the environment ({@code -I}).
     */
    static final String SYNTAX_CHECK = "import sys; sys.excepthook = lambda t, e, tb: sys.stderr.write("
            + "''.join(__import__('traceback').format_exception_only(t, e))); "
            + "p = sys.argv[1]; compile(open(p, 'rb').read(), p, 'exec', dont_inherit=True)";

    /**
     * The interpreter's start-up (~11 of the ~14 ms of CPU a small test costs) is done once per
     * session: the supervisor's fork server stops start-up just before main.py would run, and each
     * test's process is forked from there and finishes the same start-up (see
     * {@code src/main/c/python/sitecustomize.py}).
     */
    @Override
    public boolean runsFromForkServer() {
        return true;
    }

    @Override
    public boolean compileOnlyChecks() {
        return true;
    }

    @Override
    public List<String> compileCommand() {
        return List.of("/usr/bin/python3", "-S", "-I", "-B", "-c", SYNTAX_CHECK, PROG + "/main.py");
    }

    /**
     * {@code -B}: the program dir is read-only and the bytecode cache would not survive anyway.
     * Not {@code -S}, although skipping {@code site} would save ~4 ms of the ~14 ms of CPU each test's
     * start-up costs: without it {@code exit()} and {@code quit()} (common in contest code) are
     * undefined and the distribution's packages are not importable, which changes what programs do.
     */
    @Override
    public List<String> runCommand(int memoryMb) {
        return List.of("/usr/bin/python3", "-B", PROG + "/main.py");
    }

    @Override
    public long memoryBudgetKb(int memoryMb) {
        return memoryMb * 1024L + 16 * 1024;
    }

    @Override
    public boolean reportsOutOfMemory(String stderr) {
        return stderr.contains("MemoryError");
    }

    @Override
    public String helloWorld() {
        return "print('hello', input().strip())\n";
    }
}
