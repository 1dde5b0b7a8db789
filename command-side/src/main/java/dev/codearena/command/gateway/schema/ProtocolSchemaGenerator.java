package dev.codearena.command.gateway.schema;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import dev.codearena.api.wire.LiveMessageType;
import dev.codearena.api.wire.WireProtocol;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates the JSON Schema of the wire protocol ({@code docs/protocol.schema.json}) from the
 * events-api records: every client message and gateway message of {@link WireProtocol}, and the
 * match stream of {@link LiveMessageType}. Run by the build ({@code process-classes}); a test
 * compares the output with the committed file.
 */
public final class ProtocolSchemaGenerator {

    private ProtocolSchemaGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/protocol.schema.json");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, generate());
    }

    public static String generate() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE, JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                .with(Option.NONPUBLIC_NONSTATIC_FIELDS_WITHOUT_GETTERS, Option.DEFINITIONS_FOR_ALL_OBJECTS,
                        Option.PLAIN_DEFINITION_KEYS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // Typed ids (MatchId, PlayerId...) are records whose one @JsonValue component is the JSON value.
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            Class<?> raw = type.getErasedType();
            if (!raw.isRecord()) {
                return null;
            }
            for (RecordComponent component : raw.getRecordComponents()) {
                if (component.isAnnotationPresent(JsonValue.class) || component.getAccessor().isAnnotationPresent(JsonValue.class)) {
                    return new CustomDefinition(context.createDefinition(context.getTypeContext().resolve(component.getType())),
                            CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.NO);
                }
            }
            return null;
        });
        SchemaGenerator generator = new SchemaGenerator(config.build());
        SchemaBuilder builder = generator.buildMultipleSchemaDefinitions();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://codearena.dev/protocol.schema.json");
        root.put("title", "CodeArena player protocol");
        root.put("description", "Every frame is an envelope {type, id?, replyTo?, payload}; 'messages' maps each type "
                + "to the schema of its payload. Generated from events-api by ProtocolSchemaGenerator; see docs/protocol.md.");
        ObjectNode envelope = root.putObject("properties");
        envelope.putObject("type").put("type", "string");
        envelope.putObject("id").put("type", "string").put("maxLength", 64);
        envelope.putObject("replyTo").put("type", "string");
        envelope.putObject("payload").put("type", "object");
        root.putArray("required").add("type");
        root.put("type", "object");

        ObjectNode messages = root.putObject("messages");
        ObjectNode client = messages.putObject("clientToServer");
        sorted(WireProtocol.CLIENT_MESSAGES).forEach((type, payload) -> client.set(type, builder.createSchemaReference(payload)));
        ObjectNode server = messages.putObject("serverToClient");
        sorted(WireProtocol.SERVER_MESSAGES).forEach((type, payload) -> server.set(
                WireProtocol.MATCH_VERDICT.equals(type) ? type + " (stage=test)" : type, builder.createSchemaReference(payload)));
        ObjectNode stream = messages.putObject("matchStream");
        liveTypes().forEach((type, payload) -> stream.set(type, builder.createSchemaReference(payload)));
        root.set("$defs", builder.collectDefinitions("$defs"));
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Class<?>> sorted(Map<String, Class<?>> messages) {
        return new TreeMap<>(messages);
    }

    private static Map<String, Class<?>> liveTypes() {
        Map<String, Class<?>> types = new TreeMap<>();
        for (Field field : LiveMessageType.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String type = (String) field.get(null);
                    Class<?> payload = LiveMessageType.payloadClass(type);
                    if (payload != null) {
                        types.put(type, payload);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return types;
    }
}
