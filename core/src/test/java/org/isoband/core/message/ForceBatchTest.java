package org.isoband.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForceBatchTest {
    static ForceBatch sample() {
        return new ForceBatch("pi", "red", Instant.parse("2026-11-24T08:00:00.5Z"),
                new double[] {0, 12.5, 25.004}, new double[] {30.123, 31, 180.555}, 3);
    }

    @Test
    void roundTripsThroughJsonByContent() {
        ForceBatch batch = sample();

        ForceBatch back = ForceBatch.fromJson(batch.toJson());

        assertThat(back).isEqualTo(batch).hasSameHashCodeAs(batch);
        assertThat(back.newtons()).containsExactly(30.12, 31, 180.56);
        assertThat(back.lastNewtons()).isEqualTo(180.56);
        assertThat(batch.toJson()).contains("\"t_ms\":[0.0,12.5,25.0]", "\"last_n\":180.56", "\"dropped\":3");
    }

    @Test
    void arraysOfDifferentLengthsAreRejectedNamingTheField() {
        String json = sample().toJson().replace("\"n\":[30.12,31.0,180.56]", "\"n\":[30.12]");

        assertThatThrownBy(() -> ForceBatch.fromJson(json))
                .isInstanceOf(MessageFormatException.class).hasMessage("force, field n: has 1 values but t_ms has 3");
        assertThatThrownBy(() -> ForceBatch.fromJson(sample().toJson().replace("[0.0,", "[\"a\",")))
                .isInstanceOf(MessageFormatException.class).hasMessageStartingWith("force, field t_ms[0]: expected a number");
    }
}
