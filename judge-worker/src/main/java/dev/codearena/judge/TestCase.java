package dev.codearena.judge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One {@code NAME.in} / {@code NAME.out} pair of a tests directory. */
record TestCase(String name, Path input, Path expected) {

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** Every pair in the directory in natural name order (2 before 10); an .in without .out is an error. */
    static List<TestCase> discover(Path dir) throws IOException {
        List<TestCase> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path input : files.filter(p -> p.getFileName().toString().endsWith(".in")).toList()) {
                String file = input.getFileName().toString();
                String name = file.substring(0, file.length() - 3);
                Path expected = dir.resolve(name + ".out");
                if (!Files.isRegularFile(expected)) {
                    throw new IOException("test " + name + " has no expected output " + expected.getFileName());
                }
                tests.add(new TestCase(name, input, expected));
            }
        }
        tests.sort(Comparator.comparing(TestCase::name, TestCase::naturalCompare));
        return tests;
    }

    static int naturalCompare(String a, String b) {
        Matcher ma = DIGITS.matcher(a);
        Matcher mb = DIGITS.matcher(b);
        int ia = 0;
        int ib = 0;
        while (ia < a.length() && ib < b.length()) {
            boolean da = ma.find(ia) && ma.start() == ia;
            boolean db = mb.find(ib) && mb.start() == ib;
            if (da && db) {
                String na = ma.group().replaceFirst("^0+(?=.)", "");
                String nb = mb.group().replaceFirst("^0+(?=.)", "");
                int byLength = Integer.compare(na.length(), nb.length());
                int cmp = byLength != 0 ? byLength : na.compareTo(nb);
                if (cmp != 0) {
                    return cmp;
                }
                ia = ma.end();
                ib = mb.end();
            } else {
                int cmp = Character.compare(a.charAt(ia), b.charAt(ib));
                if (cmp != 0) {
                    return cmp;
                }
                ia++;
                ib++;
            }
        }
        return Integer.compare(a.length() - ia, b.length() - ib);
    }
}
