package dev.codearena.judge.language;

import dev.codearena.api.judge.Language;
import dev.codearena.judge.sandbox.SandboxLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * C++17 with g++ -O2. {@code -I/pch} puts the precompiled {@code bits/stdc++.h} (see
 * {@link PrecompiledHeader}) first on the include path: gcc then loads the .gch instead of
 * parsing the 100k+ lines of the header, which is most of a typical solution's compile time.
 */
final class CppLanguage extends LanguageDefinition {

    static final List<String> FLAGS = List.of("-std=c++17", "-O2", "-pipe");

    private final Supplier<Path> pchDir;

    CppLanguage(Supplier<Path> pchDir) {
        super(Language.CPP17, "main.cpp", "main");
        this.pchDir = pchDir;
    }

    @Override
    public List<String> compileCommand() {
        List<String> command = new ArrayList<>(List.of("/usr/bin/g++"));
        command.addAll(FLAGS);
        if (pchDir.get() != null) {
            command.add("-I" + SandboxLayout.EXTRA_DIR);
        }
        command.addAll(List.of("-o", PROG + "/main", PROG + "/main.cpp"));
        return command;
    }

    @Override
    public Path compileExtraDir() {
        return pchDir.get();
    }

    @Override
    public String cacheSalt() {
        // the PCH only speeds compilation up; the program is the same with or without it
        return "g++ " + String.join(" ", FLAGS);
    }

    @Override
    public List<String> runCommand(int memoryMb) {
        return List.of(PROG + "/main");
    }

    @Override
    public boolean reportsOutOfMemory(String stderr) {
        return stderr.contains("std::bad_alloc");
    }

    @Override
    public long addressSpaceKbWithoutCgroup(int memoryMb) {
        return memoryMb * 1024L + 16 * 1024;
    }

    @Override
    public String helloWorld() {
        return """
                #include <bits/stdc++.h>
                int main() { std::string name; std::cin >> name; std::cout << "hello " << name << "\\n"; }
                """;
    }
}
