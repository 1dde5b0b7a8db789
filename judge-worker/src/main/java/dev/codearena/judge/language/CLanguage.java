package dev.codearena.judge.language;

import dev.codearena.api.judge.Language;
import java.util.List;

/** C11 with gcc -O2, linked with libm as judges traditionally do. */
final class CLanguage extends LanguageDefinition {

    CLanguage() {
        super(Language.C11, "main.c", "main");
    }

    @Override
    public List<String> compileCommand() {
        return List.of("/usr/bin/gcc", "-std=c11", "-O2", "-pipe", "-o", PROG + "/main", PROG + "/main.c", "-lm");
    }

    @Override
    public List<String> runCommand(int memoryMb) {
        return List.of(PROG + "/main");
    }

    @Override
    public long addressSpaceKbWithoutCgroup(int memoryMb) {
        return memoryMb * 1024L + 16 * 1024;
    }

    @Override
    public String helloWorld() {
        return """
                #include <stdio.h>
                int main(void) { char name[64]; if (scanf("%63s", name) != 1) return 1; printf("hello %s\\n", name); return 0; }
                """;
    }
}
