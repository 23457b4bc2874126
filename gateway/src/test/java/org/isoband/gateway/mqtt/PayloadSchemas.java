package org.isoband.gateway.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON Schemas of docs/schemas, for validating payloads that really went over a broker. */
final class PayloadSchemas {
    static final Path DIR = Path.of("..", "docs", "schemas");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    PayloadSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (String kind : List.of("rep", "state", "force", "session", "force_1s", "diagnostics", "max_test")) {
            try (InputStream in = Files.newInputStream(DIR.resolve(kind + ".schema.json"))) {
                schemas.put(kind, factory.getSchema(in, config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The leaf of a contract topic names its payload's schema: {@code isoband/pi/red/rep} -> {@code rep}. */
    static String kindOf(String topic) {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }

    boolean hasSchemaFor(String topic) {
        return schemas.containsKey(kindOf(topic));
    }

    /** The schema's complaints about {@code payload}, empty when it is valid. */
    Set<ValidationMessage> errors(String topic, String payload) {
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (IOException e) {
            throw new AssertionError(topic + ": not JSON: " + payload, e);
        }
        return schemas.get(kindOf(topic)).validate(node);
    }
}
