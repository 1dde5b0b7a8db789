package dev.codearena.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import dev.codearena.platform.eventstore.EventTimestamps;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads {@link Instant}s written as {@code 2026-11-26T02:35:38.490Z} (what Jackson writes for every timestamp in
 * events and API payloads) with a hand-written parser instead of a general {@code DateTimeFormatter}; any other
 * form (offsets, numbers) goes to Jackson's own {@link InstantDeserializer}. Every event a projection handles
 * carries a few timestamps, and a rebuild deserializes millions of events.
 */
public final class IsoInstantModule extends SimpleModule {

    public IsoInstantModule() {
        super("codearena-iso-instant");
        addDeserializer(Instant.class, new IsoInstantDeserializer());
    }

    static final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

        IsoInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant parsed = EventTimestamps.parseIsoInstant(parser.getText());
                if (parsed != null) {
                    return parsed;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
