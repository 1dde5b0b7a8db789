package dev.codearena.api.judge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The languages a submission may be written in; {@link #id()} is the wire and CLI name. */
public enum Language {
    CPP17("cpp17", "C++17 (g++ -O2)"),
    C11("c11", "C11 (gcc -O2)"),
    PYTHON3("python3", "Python 3"),
    JAVA17("java17", "Java 17"),
    JAVASCRIPT("javascript", "JavaScript (Node.js)");

    private final String id;
    private final String displayName;

    Language(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    @JsonCreator
    public static Language fromId(String id) {
        for (Language language : values()) {
            if (language.id.equalsIgnoreCase(id) || language.name().equalsIgnoreCase(id)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language '" + id + "'; expected one of cpp17, c11, python3, java17, javascript");
    }
}
