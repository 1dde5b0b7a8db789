package dev.codearena.judge.language;

import dev.codearena.api.judge.Language;
import java.util.List;

/** JavaScript on Node.js; {@code node --check} is the syntax check, the heap cap is the memory limit. */
final class JavaScriptLanguage extends LanguageDefinition {

    static final long NODE_OVERHEAD_KB = 128 * 1024;

    JavaScriptLanguage() {
        super(Language.JAVASCRIPT, "main.js", "main.js");
    }

    @Override
    public List<String> compileCommand() {
        return List.of("/usr/bin/node", "--check", PROG + "/main.js");
    }

    @Override
    public List<String> runCommand(int memoryMb) {
        return List.of("/usr/bin/node", "--max-old-space-size=" + memoryMb, "--stack-size=65500", PROG + "/main.js");
    }

    @Override
    public long memoryBudgetKb(int memoryMb) {
        return memoryMb * 1024L + NODE_OVERHEAD_KB;
    }

    @Override
    public long stackKb(int memoryMb) {
        // --stack-size above needs a native stack of at least that size
        return Math.max(memoryMb * 1024L, 128 * 1024);
    }

    @Override
    public long startupAllowanceMs() {
        return 50;
    }

    @Override
    public boolean reportsOutOfMemory(String stderr) {
        return stderr.contains("JavaScript heap out of memory");
    }

    @Override
    public String helloWorld() {
        return "const name = require('fs').readFileSync(0, 'utf8').trim();\nconsole.log('hello ' + name);\n";
    }
}
