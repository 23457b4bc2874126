package org.isoband.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.junit.jupiter.api.Test;

class RepMessageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Origin ORIGIN = new Origin("pi", "red", "s-1", "right", 2);

    static RepMessage sample() {
        RepEvent event = new RepEvent(3, 4_034_123_456L, 14_627_000_000L, 4_500_000_000L, 8.73849, Verdict.HELD,
                223.15689, 232.81, 1.94276, -0.2917, 33.2164, 189.94, 2);
        return RepMessage.of(event, ORIGIN, Instant.parse("2026-11-24T08:00:04.034567Z"),
                Instant.parse("2026-11-24T08:00:14.627Z"), 6);
    }

    @Test
    void roundTripsThroughJsonExactly() {
        RepMessage rep = sample();

        assertThat(RepMessage.fromJson(rep.toJson())).isEqualTo(rep);
    }

    @Test
    void writesSnakeCaseFieldsWithSchemaVersionAndUtcMillis() throws Exception {
        JsonNode json = JSON.readTree(sample().toJson());

        assertThat(json.get("schema").asInt()).isEqualTo(2);
        assertThat(json.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(json.get("start").asText()).isEqualTo("2026-11-24T08:00:04.034Z");
        assertThat(json.get("steady_s").asDouble()).isEqualTo(8.738);
        assertThat(json.get("mean_n").asDouble()).isEqualTo(223.16);
        assertThat(json.get("verdict").asText()).isEqualTo("HELD");
        assertThat(json.get("leg").asText()).isEqualTo("right");
        assertThat(json.get("angle").asInt()).isEqualTo(2);
        assertThat(json.get("target_s").asDouble()).isEqualTo(6.0);
    }

    static RepMessage withPlaceAndZone() {
        RepEvent event = new RepEvent(3, 4_034_123_456L, 14_627_000_000L, 4_500_000_000L, 8.73849, Verdict.HELD,
                223.15689, 232.81, 1.94276, -0.2917, 33.2164, 189.94, 2);
        return RepMessage.of(event, ORIGIN, Instant.parse("2026-11-24T08:00:04.034Z"), Instant.parse("2026-11-24T08:00:14.627Z"),
                6, new PlanPlace("middle", 4, 5, 3), new ZoneFigures(310.456, 60, 80, 6.2504, 71.98));
    }

    @Test
    void aRepWithItsPlaceInThePlanAndItsZoneRoundTripsAndWritesTheOptionalFields() throws Exception {
        RepMessage rep = withPlaceAndZone();
        JsonNode json = JSON.readTree(rep.toJson());

        assertThat(RepMessage.fromJson(rep.toJson())).isEqualTo(rep);
        assertThat(json.get("angle_name").asText()).isEqualTo("middle");
        assertThat(json.get("plan_rep").asInt()).isEqualTo(4);
        assertThat(json.get("plan_reps").asInt()).isEqualTo(5);
        assertThat(json.get("attempt").asInt()).isEqualTo(3);
        assertThat(json.get("max_n").asDouble()).isEqualTo(310.46);
        assertThat(json.get("zone_low_pct").asDouble()).isEqualTo(60);
        assertThat(json.get("time_in_zone_s").asDouble()).isEqualTo(6.25);
        assertThat(json.get("pct_of_max").asDouble()).isEqualTo(72.0);
    }

    @Test
    void aRepWithoutPlaceOrZoneLeavesTheirFieldsOut() throws Exception {
        JsonNode json = JSON.readTree(sample().toJson());
        assertThat(json.has("max_n")).isFalse();
        assertThat(json.has("angle_name")).isFalse();
    }

    @Test
    void aRepOfAnOldGatewayOfSchemaOneIsStillRead() {
        ObjectNode json = (ObjectNode) read(sample().toJson());
        json.put("schema", 1);

        RepMessage old = RepMessage.fromJson(json.toString());

        assertThat(old.place()).isNull();
        assertThat(old.zone()).isNull();
        assertThat(old.meanN()).isEqualTo(223.16);
    }

    @Test
    void aBadZoneFieldIsNamed() {
        ObjectNode json = (ObjectNode) read(withPlaceAndZone().toJson());
        assertField(json.deepCopy().put("max_n", -1), "max_n", "rep, field max_n: must be positive, got -1.0");
        assertField(json.deepCopy().put("zone_low_pct", 90), "zone_low_pct", null);
        assertField(json.deepCopy().without("time_in_zone_s"), "time_in_zone_s", "rep, field time_in_zone_s: missing");
        assertField(json.deepCopy().put("plan_rep", 0), "plan_rep", null);
    }

    @Test
    void everyRepGetsItsOwnId() {
        assertThat(sample().id()).isNotEqualTo(sample().id());
    }

    @Test
    void notFiniteValuesAndAbsentExerciseAreNull() throws Exception {
        RepEvent event = new RepEvent(1, 0, 1_000_000_000L, 0, 0, Verdict.INTERRUPTED, Double.NaN, 1, Double.NaN, 0, 0, 0, 0);
        RepMessage rep = RepMessage.of(event, new Origin("pi", "red", "s", null, null), Instant.EPOCH, Instant.EPOCH, 6);

        JsonNode json = JSON.readTree(rep.toJson());

        assertThat(json.get("mean_n").isNull()).isTrue();
        assertThat(json.get("leg").isNull()).isTrue();
        assertThat(json.get("angle").isNull()).isTrue();
        assertThat(RepMessage.fromJson(rep.toJson())).isEqualTo(rep);
    }

    @Test
    void malformedJsonNamesTheField() {
        ObjectNode json = (ObjectNode) read(sample().toJson());

        assertThatThrownBy(() -> RepMessage.fromJson("{not json"))
                .isInstanceOf(MessageFormatException.class).hasMessageStartingWith("rep: not JSON");
        assertThatThrownBy(() -> RepMessage.fromJson("[1]"))
                .isInstanceOf(MessageFormatException.class).hasMessage("rep: not a JSON object");
        assertField(json.deepCopy().without("id"), "id", "rep, field id: missing");
        assertField(json.deepCopy().put("verdict", "GREAT"), "verdict", "rep, field verdict: unknown value \"GREAT\"");
        assertField(json.deepCopy().put("rep", "three"), "rep", "rep, field rep: expected an integer, got \"three\"");
        assertField(json.deepCopy().put("start", "yesterday"), "start", null);
        assertField(json.deepCopy().put("leg", "middle"), "leg", null);
        assertField(json.deepCopy().put("mean_n", "heavy"), "mean_n", null);
        assertField(json.deepCopy().put("schema", 3), "schema", "rep, field schema: version 3 is not supported (this reader knows 1 to 2)");
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertField(JsonNode json, String field, String message) {
        assertThatThrownBy(() -> RepMessage.fromJson(json.toString()))
                .isInstanceOfSatisfying(MessageFormatException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.kind()).isEqualTo("rep");
                    if (message != null) {
                        assertThat(e.getMessage()).isEqualTo(message);
                    }
                });
    }
}
