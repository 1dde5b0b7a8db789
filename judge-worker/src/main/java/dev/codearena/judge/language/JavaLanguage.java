package dev.codearena.judge.language;

import dev.codearena.api.judge.Language;
import java.util.List;

/**
 * Java 17, public class {@code Main}. The JVM flags favour start-up (most tests are tiny):
 * serial GC, C1 only, CDS archive, no perf-data file. The heap gets the problem's memory
 * limit ({@code -Xmx}); the sandbox allows extra room for the JVM itself (code cache,
 * metaspace, thread stacks), which is how Java judges usually account memory.
 */
final class JavaLanguage extends LanguageDefinition {

    static final long JVM_OVERHEAD_KB = 192 * 1024;

    JavaLanguage() {
        super(Language.JAVA17, "Main.java", "Main.class");
    }

    @Override
    public List<String> compileCommand() {
        return List.of("/usr/bin/javac", "-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1", "-J-Xshare:auto",
                "-J-XX:-UsePerfData", "-J-Xmx512m", "-encoding", "UTF-8", "-nowarn", "-d", PROG, PROG + "/Main.java");
    }

    @Override
    public List<String> runCommand(int memoryMb) {
        return List.of("/usr/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-XX:-UsePerfData", "-Xmx" + memoryMb + "m", "-Xss64m", "-XX:ActiveProcessorCount=1",
                "-cp", PROG, "Main");
    }

    @Override
    public long memoryBudgetKb(int memoryMb) {
        return memoryMb * 1024L + JVM_OVERHEAD_KB;
    }

    @Override
    public long stackKb(int memoryMb) {
        return 0;
    }

    @Override
    public long startupAllowanceMs() {
        return 300;
    }

    @Override
    public boolean reportsOutOfMemory(String stderr) {
        return stderr.contains("java.lang.OutOfMemoryError: Java heap space")
                || stderr.contains("java.lang.OutOfMemoryError: GC overhead")
                || stderr.contains("java.lang.OutOfMemoryError: Requested array size");
    }

    @Override
    public String helloWorld() {
        return """
                import java.util.Scanner;
                public class Main { public static void main(String[] a) { System.out.println("hello " + new Scanner(System.in).next()); } }
                """;
    }
}
