package dev.codearena.command.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.wire.WireProtocol;
import dev.codearena.command.gateway.schema.ProtocolSchemaGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed docs/protocol.schema.json is what the events-api records generate today. */
class ProtocolSchemaTest {

    private static final Path COMMITTED = Path.of("..", "docs", "protocol.schema.json");

    @Test
    void committedSchemaIsUpToDate() throws Exception {
        String generated = ProtocolSchemaGenerator.generate();
        assertThat(COMMITTED).as("docs/protocol.schema.json exists; regenerate it, see docs/protocol.md section 11").exists();
        assertThat(Files.readString(COMMITTED))
                .as("docs/protocol.schema.json is stale: ./mvnw -pl command-side -am process-classes && cp command-side/target/protocol.schema.json docs/")
                .isEqualTo(generated);
    }

    @Test
    void everyMessageTypeHasAPayloadSchemaWithItsConstraints() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(ProtocolSchemaGenerator.generate());
        JsonNode client = schema.path("messages").path("clientToServer");
        WireProtocol.CLIENT_MESSAGES.keySet().forEach(type -> assertThat(client.has(type)).as(type).isTrue());
        assertThat(schema.path("messages").path("matchStream").has("match:lockout")).isTrue();
        JsonNode submit = schema.path("$defs").path("MatchSubmit");
        assertThat(submit.path("properties").path("code").path("maxLength").asInt()).isEqualTo(65_536);
        assertThat(submit.path("properties").path("matchId").path("type").asText()).isEqualTo("string");
        assertThat(submit.path("required").toString()).contains("matchId", "problemId", "language", "code");
        assertThat(submit.path("properties").path("language").path("$ref").asText()).isEqualTo("#/$defs/Language");
        assertThat(schema.path("$defs").path("Language").path("enum").toString()).contains("python3", "cpp17");
    }
}
