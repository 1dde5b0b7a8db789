package dev.codearena.api.problem;

import java.time.Instant;
import java.util.List;

/**
 * An admin's draft as stored, with its uploaded tests and what was last published from it.
 *
 * @param publishedVersion     the catalogue version last published from this draft (null: never)
 * @param unpublishedChanges   the draft differs from what was last published (content hash)
 */
public record ProblemDraftView(ProblemDraftRequest draft, List<String> tests, Long publishedVersion, String publishedContentHash,
                               Instant publishedAt, boolean unpublishedChanges) {

    public ProblemDraftView {
        tests = tests == null ? List.of() : List.copyOf(tests);
    }
}
