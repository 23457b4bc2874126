package org.isoband.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.Verdict;
import org.junit.jupiter.api.Test;

class StateMessageTest {
    static StateMessage sample() {
        return new StateMessage("pi", "red", "s-1", Phase.HOLD, "left", 0, 4, 3.21234, 180.456, 30.1, "STREAMING", 7, 5,
                Instant.parse("2026-11-24T08:00:00.123456Z"));
    }

    @Test
    void roundTripsThroughJson() {
        assertThat(StateMessage.fromJson(sample().toJson())).isEqualTo(sample());
    }

    @Test
    void carriesTodaysCountsAndTheHeldShare() throws Exception {
        JsonNode json = new ObjectMapper().readTree(sample().toJson());

        assertThat(json.get("reps_today").asInt()).isEqualTo(7);
        assertThat(json.get("held_pct_today").asDouble()).isEqualTo(71.4);
        assertThat(json.get("at").asText()).isEqualTo("2026-11-24T08:00:00.123Z");
        assertThat(json.get("phase").asText()).isEqualTo("HOLD");
    }

    @Test
    void beforeTheFirstSampleTheLevelIsNull() throws Exception {
        StateMessage idle = new StateMessage("pi", "red", "s", Phase.REST, null, null, 0, 0, Double.NaN, Double.NaN,
                "CONNECTING", 0, 0, Instant.EPOCH);

        JsonNode json = new ObjectMapper().readTree(idle.toJson());

        assertThat(json.get("level_n").isNull()).isTrue();
        assertThat(json.get("held_pct_today").isNull()).isTrue();
        assertThat(StateMessage.fromJson(idle.toJson())).isEqualTo(idle);
    }

    @Test
    void badFieldsAreNamed() {
        String json = sample().toJson();

        assertThatThrownBy(() -> StateMessage.fromJson(json.replace("\"HOLD\"", "\"NAP\"")))
                .isInstanceOf(MessageFormatException.class).hasMessage("state, field phase: unknown value \"NAP\"");
        assertThatThrownBy(() -> StateMessage.fromJson(json.replace("\"STREAMING\"", "\"UP\"")))
                .isInstanceOf(MessageFormatException.class).hasMessage("state, field link: unknown value \"UP\"");
        assertThatThrownBy(() -> StateMessage.fromJson(json.replace("\"held_today\":5", "\"held_today\":9")))
                .isInstanceOf(MessageFormatException.class).hasMessage("state, field held_today: 9 exceeds reps_today 7");
    }

    @Test
    void theSensorsBatteryIsAnOptionalFieldAbsentWhenUnknown() throws Exception {
        assertThat(new ObjectMapper().readTree(sample().toJson()).has("battery_pct")).isFalse();
        StateMessage charged = sample().withBatteryPct(64);

        assertThat(new ObjectMapper().readTree(charged.toJson()).get("battery_pct").asInt()).isEqualTo(64);
        assertThat(StateMessage.fromJson(charged.toJson())).isEqualTo(charged);
        assertThatThrownBy(() -> StateMessage.fromJson(charged.toJson().replace("\"battery_pct\":64",
                "\"battery_pct\":140"))).isInstanceOf(MessageFormatException.class)
                .hasMessage("state, field battery_pct: expected 0-100, got 140");
        assertThatThrownBy(() -> sample().withBatteryPct(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void carriesTheNewestRepSoThatARestartedConsumerKnowsIt() throws Exception {
        StateMessage withRep = sample().withLastRep(
                new StateMessage.LastRep(8.73849, Verdict.HELD, Instant.parse("2026-11-24T07:59:50.5009Z")));

        JsonNode json = new ObjectMapper().readTree(withRep.toJson());

        assertThat(json.at("/last_rep/steady_s").asDouble()).isEqualTo(8.738);
        assertThat(json.at("/last_rep/verdict").asText()).isEqualTo("HELD");
        assertThat(json.at("/last_rep/end").asText()).isEqualTo("2026-11-24T07:59:50.500Z");
        assertThat(StateMessage.fromJson(withRep.toJson())).isEqualTo(withRep);
        assertThat(new ObjectMapper().readTree(sample().toJson()).get("last_rep").isNull()).isTrue();
    }

    @Test
    void aStateWithoutTheNewestRepFieldIsReadAsNoneKnown() {
        String older = sample().toJson().replace(",\"last_rep\":null", "");

        assertThat(older).doesNotContain("last_rep");
        assertThat(StateMessage.fromJson(older).lastRep()).isNull();
    }

    @Test
    void aBadNestedFieldIsNamedWithItsPath() {
        String json = sample().withLastRep(new StateMessage.LastRep(1, Verdict.SHORT, Instant.EPOCH)).toJson();

        assertThatThrownBy(() -> StateMessage.fromJson(json.replace("\"SHORT\"", "\"MEH\"")))
                .isInstanceOf(MessageFormatException.class).hasMessage("state, field last_rep.verdict: unknown value \"MEH\"");
    }

    @Test
    void aNewDayStartsWithNothingDoneTodayAndKeepsTheNewestRep() {
        StateMessage.LastRep rep = new StateMessage.LastRep(7, Verdict.HELD, Instant.EPOCH);
        Instant midnight = Instant.parse("2026-11-25T00:00:00Z");

        StateMessage next = sample().withLastRep(rep).newDay(midnight);

        assertThat(next.repsToday()).isZero();
        assertThat(next.heldToday()).isZero();
        assertThat(next.at()).isEqualTo(midnight);
        assertThat(next.lastRep()).isEqualTo(rep);
        assertThat(next.rep()).isEqualTo(4);
    }
}
