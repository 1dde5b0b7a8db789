package dev.codearena.query.fairplay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the fair-play signals ({@code codearena.fair-play.*}); the defaults and why they were
 * chosen are in docs/fair-play.md. Changing one takes effect for new events; rebuild the
 * {@code fair-play} read model to apply it to the whole history.
 */
@ConfigurationProperties("codearena.fair-play")
record FairPlaySettings(@DefaultValue Plagiarism plagiarism, @DefaultValue Bot bot, @DefaultValue Collusion collusion) {

    /**
     * @param k               tokens per k-gram (shorter shared runs never count)
     * @param window          winnowing window: any shared run of {@code k + window - 1} tokens is always detected
     * @param minFingerprints programs with fewer fingerprints (after removing template/reference code) are not compared
     * @param jaccard         flag when |A∩B| / |A∪B| reaches this
     * @param containment     or when |A∩B| / min(|A|, |B|) reaches this (one program contained in the other)
     */
    record Plagiarism(@DefaultValue("7") int k, @DefaultValue("4") int window, @DefaultValue("15") int minFingerprints,
                      @DefaultValue("0.6") double jaccard, @DefaultValue("0.8") double containment) {
    }

    /**
     * @param minTypedBytes        an Accepted solution counts for the speed signal only above this many bytes
     *                             beyond the language's editor template
     * @param maxBytesPerSecond    flag when typed bytes / seconds since the problem was revealed exceed this
     * @param regularitySamples    how many consecutive Accepted solutions the regularity signal looks at
     * @param regularityMaxVariation flag when their solve times' coefficient of variation is below this
     * @param regularityMinSeconds ... and their mean solve time is at least this (fast players are the speed signal's)
     */
    record Bot(@DefaultValue("250") int minTypedBytes, @DefaultValue("8.0") double maxBytesPerSecond,
               @DefaultValue("6") int regularitySamples, @DefaultValue("0.05") double regularityMaxVariation,
               @DefaultValue("20") int regularityMinSeconds) {
    }

    /**
     * @param window       how far back meetings of the same two players count
     * @param minOneSided  flag a pair once this many of their 1v1 matches in the window were one-sided
     */
    record Collusion(@DefaultValue("7d") Duration window, @DefaultValue("3") int minOneSided) {
    }
}
