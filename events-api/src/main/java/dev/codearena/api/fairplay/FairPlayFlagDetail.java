package dev.codearena.api.fairplay;

import java.util.List;
import java.util.Map;

/**
 * Everything an admin needs to decide a flag: the flag, the signal's evidence (scores, thresholds,
 * submission and match ids, timings), the submissions it points at with their code, and past reviews.
 */
public record FairPlayFlagDetail(FairPlayFlag flag, Map<String, Object> evidence, List<FlagSubmission> submissions,
                                 List<FlagReview> reviews) {

    public FairPlayFlagDetail {
        evidence = evidence == null ? Map.of() : evidence;
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
    }
}
