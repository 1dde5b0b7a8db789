package dev.codearena.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class EventTimestampsTest {

    @Test
    void readsWhatAxonWritesExactlyAsAxonReadsIt() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 250_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String written = DateTimeUtils.formatInstant(Instant.ofEpochSecond(seconds, nanos));
            assertThat(EventTimestamps.parse(written)).as(written).isEqualTo(DateTimeUtils.parseInstant(written));
        }
    }

    @Test
    void leavesOtherFormsToTheGeneralParser() {
        for (String text : new String[]{"2026-11-26T02:35:38+01:00", "2016-12-31T23:59:60Z",
                "+12026-11-26T02:35:38Z", "2026-11-26T02:35Z", "2026-02-30T00:00:00Z", "2026-11-26 02:35:38Z"}) {
            assertThat(EventTimestamps.parseIsoInstant(text)).as(text).isNull();
        }
        assertThat(EventTimestamps.parse("2026-11-26T02:35:38.1Z")).isEqualTo(DateTimeUtils.parseInstant("2026-11-26T02:35:38.1Z"));
        assertThat(EventTimestamps.parse("2026-11-26T03:35:38+01:00")).isEqualTo(Instant.parse("2026-11-26T02:35:38Z"));
    }
}
