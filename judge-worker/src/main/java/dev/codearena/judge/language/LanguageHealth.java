package dev.codearena.judge.language;

import dev.codearena.api.judge.Language;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Which languages passed their start-up self-test, and why the others did not. */
public final class LanguageHealth {

    /** A language's self-test result; {@code detail} explains a failure. */
    public record Status(boolean usable, String detail, long millis) {
    }

    private final Map<Language, Status> statuses = Collections.synchronizedMap(new EnumMap<>(Language.class));

    public void record(Language language, Status status) {
        statuses.put(language, status);
    }

    /** Not yet tested languages count as usable (the self-test runs at start-up, asynchronously in the worker). */
    public boolean usable(Language language) {
        Status status = statuses.get(language);
        return status == null || status.usable();
    }

    public Status status(Language language) {
        return statuses.get(language);
    }

    public Set<Language> usableLanguages() {
        synchronized (statuses) {
            return statuses.entrySet().stream().filter(e -> e.getValue().usable()).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Language.class)));
        }
    }

    public Map<Language, Status> snapshot() {
        synchronized (statuses) {
            return Map.copyOf(statuses);
        }
    }
}
