package dev.codearena.query.fairplay;

import dev.codearena.api.judge.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The normalised token stream of a source file, the input of {@link Winnowing}. Normalising is what
 * makes fingerprints survive the usual disguises of a copy (MOSS, JPlag and Dolos do the same):
 * comments and whitespace are dropped (reformatting changes nothing), every identifier that is not a
 * keyword of the language becomes {@code V} (renaming changes nothing), numbers become {@code N} and
 * string/char literals {@code S} (changing constants or messages changes nothing). Keywords and
 * operators stay, so the structure of the program is what is compared.
 *
 * <p>One small lexer for the five judge languages (C, C++, Java, JavaScript share the C lexical
 * shape; Python differs in comments, strings and keywords). A full parser per language would buy
 * little for this purpose, and the free ones (JPlag's front ends) are GPL.
 */
final class SourceTokens {

    private static final Set<String> C_FAMILY_KEYWORDS = Set.copyOf(List.of(
            "auto", "bool", "break", "case", "catch", "char", "class", "const", "constexpr", "continue", "default",
            "delete", "do", "double", "else", "enum", "extern", "false", "float", "for", "goto", "if", "inline", "int",
            "long", "namespace", "new", "nullptr", "operator", "private", "protected", "public", "return", "short",
            "signed", "sizeof", "static", "struct", "switch", "template", "this", "throw", "true", "try", "typedef",
            "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "while", "include", "define",
            // Java
            "abstract", "boolean", "byte", "extends", "final", "finally", "implements", "import", "instanceof",
            "interface", "null", "package", "super", "synchronized", "throws", "var", "record",
            // JavaScript
            "const", "function", "let", "in", "of", "typeof", "undefined", "yield", "async", "await"));

    private static final Set<String> PYTHON_KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
            "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
            "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    /** Longest first, so {@code <<=} is one token and not {@code <<} then {@code =}. */
    private static final String[] OPERATORS = {
            ">>>=", "<<=", ">>=", ">>>", "...", "**=", "//=", "===", "!==", "->", "::", "++", "--", "<<", ">>", "<=", ">=",
            "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "//", "=>"};

    private SourceTokens() {
    }

    /** The normalised tokens of {@code source}, as their text (keywords, operators, V, N, S). */
    static List<String> of(Language language, String source) {
        boolean python = language == Language.PYTHON3;
        Set<String> keywords = python ? PYTHON_KEYWORDS : C_FAMILY_KEYWORDS;
        List<String> tokens = new ArrayList<>();
        String s = source == null ? "" : source;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (python && c == '#' || !python && c == '/' && at(s, i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (!python && c == '/' && at(s, i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (python && (c == '"' || c == '\'') && at(s, i + 1) == c && at(s, i + 2) == c) {
                String quote = s.substring(i, i + 3);
                int end = s.indexOf(quote, i + 3);
                i = end < 0 ? n : end + 3;
                tokens.add("S");
            } else if (c == '"' || c == '\'' || c == '`' && !python) {
                i = skipQuoted(s, i, c);
                tokens.add("S");
            } else if (Character.isDigit(c) || c == '.' && Character.isDigit(at(s, i + 1))) {
                i++;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_'
                        || (s.charAt(i) == '+' || s.charAt(i) == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E'))) {
                    i++;
                }
                tokens.add("N");
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                // Python string prefixes: f"..", r'..', b"..": the whole literal is one S.
                if (python && i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'') && word.length() <= 2
                        && word.toLowerCase().chars().allMatch(ch -> "rbfu".indexOf(ch) >= 0)) {
                    continue;
                }
                tokens.add(keywords.contains(word) ? word : "V");
            } else {
                String op = operatorAt(s, i);
                tokens.add(op);
                i += op.length();
            }
        }
        return tokens;
    }

    private static int skipQuoted(String s, int i, char quote) {
        int n = s.length();
        int j = i + 1;
        while (j < n && s.charAt(j) != quote) {
            if (s.charAt(j) == '\\') {
                j++;
            } else if (s.charAt(j) == '\n' && quote != '`') {
                return j; // unterminated: stop at the line end rather than swallow the file
            }
            j++;
        }
        return Math.min(n, j + 1);
    }

    private static String operatorAt(String s, int i) {
        for (String op : OPERATORS) {
            if (s.startsWith(op, i)) {
                return op;
            }
        }
        return String.valueOf(s.charAt(i));
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }
}
