package dev.codearena.judge.language;

import dev.codearena.api.judge.Language;
import java.util.List;

/**
 * Python 3 from /usr/bin (never a pyenv shim: the sandbox sees only /usr). The "compile" is
 * {@code py_compile}, so syntax errors are CE rather than a RE on the first test.
 */
final class PythonLanguage extends LanguageDefinition {

    PythonLanguage() {
        super(Language.PYTHON3, "main.py", "main.py");
    }

    @Override
    public List<String> compileCommand() {
        return List.of("/usr/bin/python3", "-c",
                "import py_compile,sys; py_compile.compile(sys.argv[1], cfile='/tmp/main.pyc', doraise=True)", PROG + "/main.py");
    }

    @Override
    public List<String> runCommand(int memoryMb) {
        // -B: the program dir is read-only and the bytecode cache would not survive anyway
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
