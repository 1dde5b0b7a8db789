package dev.codearena.query.fairplay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.judge.Language;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CPU cost of the plagiarism signal's pure part, on the problem set's real solutions: normalising and
 * winnowing one submission, and comparing two fingerprint sets. Thread CPU time (not wall time), so the
 * figures hold on a loaded machine. Run:
 * {@code ./mvnw -B -o -pl query-side -am test -Pbenchmark -Dtest=FingerprintBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class FingerprintBenchmark {

    @Test
    void fingerprintAndCompareTheProblemSet() throws IOException {
        List<String> sources = new ArrayList<>();
        List<Language> languages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("..", "problems"), 3)) {
            for (Path p : files.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("solutions")).sorted().toList()) {
                String name = p.getFileName().toString();
                Language language = name.endsWith(".cpp") ? Language.CPP17 : name.endsWith(".py") ? Language.PYTHON3
                        : name.endsWith(".java") ? Language.JAVA17 : null;
                if (language != null) {
                    sources.add(Files.readString(p));
                    languages.add(language);
                }
            }
        }
        Fingerprints fingerprints = new Fingerprints(7, 4);
        long[][] sets = new long[sources.size()][];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 50; warm++) {
            for (int i = 0; i < sources.size(); i++) {
                sets[i] = fingerprints.of(languages.get(i), sources.get(i), new long[0]);
            }
        }
        int rounds = 200;
        long start = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < sources.size(); i++) {
                sets[i] = fingerprints.of(languages.get(i), sources.get(i), new long[0]);
            }
        }
        double fingerprintMicros = (cpu.getCurrentThreadCpuTime() - start) / 1000.0 / (rounds * sources.size());
        long bytes = sources.stream().mapToLong(String::length).sum();
        long pairs = 0;
        double checksum = 0;
        start = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < 20; r++) {
            for (int i = 0; i < sets.length; i++) {
                for (int j = i + 1; j < sets.length; j++) {
                    checksum += Fingerprints.similarity(sets[i], sets[j]).jaccard();
                    pairs++;
                }
            }
        }
        double compareMicros = (cpu.getCurrentThreadCpuTime() - start) / 1000.0 / pairs;
        System.out.printf("BENCH fair-play fingerprint submissions=%d avgBytes=%d cpuMicrosPerSubmission=%.1f%n", sources.size(),
                bytes / sources.size(), fingerprintMicros);
        System.out.printf("BENCH fair-play compare pairs=%d cpuMicrosPerPair=%.2f (checksum %.1f)%n", pairs, compareMicros, checksum);
        System.out.println("BENCH uptime: " + Files.readString(Path.of("/proc/loadavg")).trim());
        assertThat(fingerprintMicros).isPositive();
    }
}
