package dev.codearena.query.fairplay;

import dev.codearena.api.judge.Language;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Winnowed fingerprints of submissions with the code every player is given removed first (MOSS's "base
 * file"): the web editor's per-language templates, and the problem's published reference solution
 * (Sabotage starts from it, so it is public). Without that, two players who both kept the template
 * would share fingerprints for nothing.
 */
final class Fingerprints {

    /** The web client's editor templates (web-client/src/lib/monaco.ts, TEMPLATES); keep the two in step. */
    static final Map<Language, String> TEMPLATES = new EnumMap<>(Map.of(
            Language.PYTHON3, "import sys\n\ndef main():\n    data = sys.stdin.read().split()\n    \n\nmain()\n",
            Language.CPP17, "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    ios::sync_with_stdio(false);\n"
                    + "    cin.tie(nullptr);\n    \n    return 0;\n}\n",
            Language.C11, "#include <stdio.h>\n\nint main(void) {\n    \n    return 0;\n}\n",
            Language.JAVA17, "import java.io.*;\nimport java.util.*;\n\npublic class Main {\n    public static void main(String[] args)"
                    + " throws IOException {\n        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));\n"
                    + "        \n    }\n}\n",
            Language.JAVASCRIPT, "const data = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/);\n\n"));

    private final Winnowing winnowing;
    private final long[] templateFingerprints;

    Fingerprints(int k, int window) {
        this.winnowing = new Winnowing(k, window);
        this.templateFingerprints = TEMPLATES.entrySet().stream()
                .flatMapToLong(t -> Arrays.stream(raw(t.getKey(), t.getValue())))
                .sorted().distinct().toArray();
    }

    /** All fingerprints of {@code source}, sorted and distinct. */
    long[] raw(Language language, String source) {
        return winnowing.fingerprints(SourceTokens.of(language, source));
    }

    /** The fingerprints of {@code source} that are in neither the templates nor {@code base} (sorted). */
    long[] of(Language language, String source, long[] base) {
        long[] sortedBase = base.clone();
        Arrays.sort(sortedBase);
        return withoutBase(raw(language, source), sortedBase);
    }

    /** {@code raw} fingerprints (as {@link #raw} gives them) without those of the templates and of {@code sortedBase}. */
    long[] withoutBase(long[] raw, long[] sortedBase) {
        long[] kept = new long[raw.length];
        int count = 0;
        for (long h : raw) {
            if (Arrays.binarySearch(templateFingerprints, h) < 0 && Arrays.binarySearch(sortedBase, h) < 0) {
                kept[count++] = h;
            }
        }
        return count == kept.length ? kept : Arrays.copyOf(kept, count);
    }

    private static final Map<Language, Integer> TEMPLATE_LENGTHS = new EnumMap<>(Language.class);

    static {
        TEMPLATES.forEach((language, template) -> TEMPLATE_LENGTHS.put(language, template.strip().length()));
    }

    /** Bytes a player typed beyond the language's template (a rough floor: the template may have been deleted). */
    static int typedBytes(Language language, int sourceBytes) {
        return Math.max(0, sourceBytes - TEMPLATE_LENGTHS.getOrDefault(language, 0));
    }

    /** How much two fingerprint sets (sorted, distinct) overlap. */
    static Similarity similarity(long[] a, long[] b) {
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Similarity.of(shared, a.length, b.length);
    }

    /** Overlap of fingerprint sets of sizes {@code a} and {@code b} sharing {@code shared}. */
    record Similarity(int shared, int a, int b, double jaccard, double containment) {

        static Similarity of(int shared, int a, int b) {
            int union = a + b - shared;
            int smaller = Math.min(a, b);
            return new Similarity(shared, a, b, union == 0 ? 0 : (double) shared / union, smaller == 0 ? 0 : (double) shared / smaller);
        }

        boolean reaches(FairPlaySettings.Plagiarism thresholds) {
            return Math.min(a, b) >= thresholds.minFingerprints()
                    && (jaccard >= thresholds.jaccard() || containment >= thresholds.containment());
        }
    }
}
