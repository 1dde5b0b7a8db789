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

    private final CompletableFuture<Optional<Path>> pch;

    private Languages(CompletableFuture<Optional<Path>> pch) {
        this.pch = pch;
        add(new CppLanguage(() -> pch.getNow(Optional.empty()).orElse(null)));
        add(new CLanguage());
        add(new PythonLanguage());
        add(new JavaLanguage());
        add(new JavaScriptLanguage());
    }

    /**
     * The C++ precompiled header is built in the background (16 s once per compiler version, then
     * found on disk): until it is ready C++ compiles without it, which only costs time.
     *
     * @param workDir where the C++ precompiled header is built
     * @param usePch  false to compile C++ without it (benchmarks compare both)
     */
    public static Languages create(Path workDir, boolean usePch) {
        CompletableFuture<Optional<Path>> pch = usePch
                ? CompletableFuture.supplyAsync(() -> PrecompiledHeader.ensure(workDir), runnable -> {
                    Thread thread = new Thread(runnable, "pch-builder");
                    thread.setDaemon(true);
                    thread.start();
                })
                : CompletableFuture.completedFuture(Optional.empty());
        return new Languages(pch);
    }

    /** Waits until the precompiled header is built (or known to be unavailable); true when C++ uses it. */
    public boolean awaitPrecompiledHeader() {
        return pch.join().isPresent();
    }

    private void add(LanguageDefinition definition) {
        definitions.put(definition.language(), definition);
    }

    public LanguageDefinition get(Language language) {
        return definitions.get(language);
    }
}
