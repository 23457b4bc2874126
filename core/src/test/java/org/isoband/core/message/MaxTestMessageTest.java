package org.isoband.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MaxTestMessageTest {
    static MaxTestMessage sample() {
        return MaxTestMessage.of(RepMessageTest.ORIGIN, "right", 1, "high", Instant.parse("2026-11-24T08:03:10.5009Z"),
                318.456, new double[] {301.234, 318.456, Double.NaN});
    }

    @Test
    void roundTripsWithAPullTooShortToMeasureAsNull() {
        MaxTestMessage m = sample();

        assertThat(MaxTestMessage.fromJson(m.toJson())).isEqualTo(m);
        assertThat(m.toJson()).contains("\"schema\":1", "\"max_n\":318.46", "\"pulls_n\":[301.23,318.46,null]",
                "\"angle_name\":\"high\"", "\"at\":\"2026-11-24T08:03:10.500Z\"");
    }

    @Test
    void aBadFieldIsNamed() {
        String json = sample().toJson();
        assertThatThrownBy(() -> MaxTestMessage.fromJson(json.replace("\"max_n\":318.46", "\"max_n\":0")))
                .isInstanceOf(MessageFormatException.class)
                .hasMessage("max_test, field max_n: must be a positive number of newtons, got 0.0");
        assertThatThrownBy(() -> MaxTestMessage.fromJson(json.replace("\"leg\":\"right\"", "\"leg\":null")))
                .isInstanceOf(MessageFormatException.class).hasMessageStartingWith("max_test, field leg");
        assertThatThrownBy(() -> MaxTestMessage.fromJson(json.replace("null]", "\"x\"]")))
                .isInstanceOf(MessageFormatException.class).hasMessageStartingWith("max_test, field pulls_n[2]");
    }
}
