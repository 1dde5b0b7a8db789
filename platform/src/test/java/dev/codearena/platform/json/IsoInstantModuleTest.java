package dev.codearena.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantModuleTest {

    record Stamped(Instant at) {
    }

    private final ObjectMapper jackson = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final ObjectMapper ours = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new IsoInstantModule()).build();

    @Test
    void readsEveryInstantAsJacksonDoes() throws Exception {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), i % 2 == 0 ? 0 : random.nextInt(1_000_000_000));
            String written = jackson.writeValueAsString(new Stamped(at));
            assertThat(ours.readValue(written, Stamped.class)).as(written).isEqualTo(jackson.readValue(written, Stamped.class))
                    .isEqualTo(new Stamped(at));
        }
        for (String other : new String[]{"{\"at\":\"2026-11-26T03:35:38.5+01:00\"}", "{\"at\":1764128138.5}", "{\"at\":null}",
                "{\"at\":\"2016-12-31T23:59:60Z\"}"}) {
            assertThat(ours.readValue(other, Stamped.class)).as(other).isEqualTo(jackson.readValue(other, Stamped.class));
        }
    }
}
