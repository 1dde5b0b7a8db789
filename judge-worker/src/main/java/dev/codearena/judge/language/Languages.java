package dev.codearena.judge.language;

import dev.codearena.api.judge.Language;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** The definitions of every {@link Language}. */
public final class Languages {

    private final Map<Language, LanguageDefinition> definitions = new EnumMap<>(Language.class);

    private Languages(Path pchDir) {
        add(new CppLanguage(pchDir));
        add(new CLanguage());
        add(new PythonLanguage());
        add(new JavaLanguage());
        add(new JavaScriptLanguage());
    }

    /**
     * @param workDir where the C++ precompiled header is built (once per compiler version)
     * @param usePch  false to compile C++ without it (benchmarks compare both)
     */
    public static Languages create(Path workDir, boolean usePch) {
        return new Languages(usePch ? PrecompiledHeader.ensure(workDir).orElse(null) : null);
    }

    private void add(LanguageDefinition definition) {
        definitions.put(definition.language(), definition);
    }

    public LanguageDefinition get(Language language) {
        return definitions.get(language);
    }
}
