package dev.codearena.judge.language;

import dev.codearena.api.judge.Language;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.EnumMap;
import java.util.Map;

/** The definitions of every {@link Language}. */
public final class Languages {

    private final Map<Language, LanguageDefinition> definitions = new EnumMap<>(Language.class);

    private final Path workDir;
    private final boolean usePch;
    private CompletableFuture<Optional<Path>> pch;

    private Languages(Path workDir, boolean usePch) {
        this.workDir = workDir;
        this.usePch = usePch;
        add(new CppLanguage(() -> startPrecompiledHeader().getNow(Optional.empty()).orElse(null)));
        add(new CLanguage());
        add(new PythonLanguage());
        add(new JavaLanguage());
        add(new JavaScriptLanguage());
    }

    /**
     * @param workDir where the C++ precompiled header is built
     * @param usePch  false to compile C++ without it (benchmarks compare both)
     */
    public static Languages create(Path workDir, boolean usePch) {
        return new Languages(workDir, usePch);
    }

    /**
     * Starts building the C++ precompiled header in the background unless started already
     * (16–40 s once per compiler version, then found on disk). The worker starts it at start-up;
     * otherwise the first C++ compile does, and compiles without it until it is ready, which
     * only costs time. A Python-only CLI run never pays for it.
     */
    public synchronized CompletableFuture<Optional<Path>> startPrecompiledHeader() {
        if (pch == null) {
            pch = usePch
                    ? CompletableFuture.supplyAsync(() -> PrecompiledHeader.ensure(workDir), runnable -> {
                        Thread thread = new Thread(runnable, "pch-builder");
                        thread.setDaemon(true);
                        thread.start();
                    })
                    : CompletableFuture.completedFuture(Optional.empty());
        }
        return pch;
    }

    /** Waits until the precompiled header is built (or known to be unavailable); true when C++ uses it. */
    public boolean awaitPrecompiledHeader() {
        return startPrecompiledHeader().join().isPresent();
    }

    private void add(LanguageDefinition definition) {
        definitions.put(definition.language(), definition);
    }

    public LanguageDefinition get(Language language) {
        return definitions.get(language);
    }
}
