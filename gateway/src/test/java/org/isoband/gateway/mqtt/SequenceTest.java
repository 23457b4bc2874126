package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;
import org.junit.jupiter.api.Test;

class SequenceTest {

    @Test
    void aSchema2RepEventGetsItsSequenceNumberAfterTheSchemaField() {
        Instant start = Instant.parse("2026-11-24T08:00:04.034Z");
        String json = new RepMessage("3b0f7c7e-8a57-4d0e-9a4c-2f4f2f5d0b61", "garage_pi", "red", "s1", "right", 2, 3, start,
                start.plusSeconds(10), 8.7, 6.0, Verdict.HELD, 223, 232, 1.9, -0.3, 33, 190, 2).toJson();
        assertThat(json).startsWith("{\"schema\":2,");

        String numbered = Sequence.numbered(json, 41);

        assertThat(numbered).startsWith("{\"schema\":2,\"seq\":41,\"id\":");
        assertThat(RepMessage.fromJson(numbered).id()).isEqualTo("3b0f7c7e-8a57-4d0e-9a4c-2f4f2f5d0b61");
    }

    @Test
    void aPayloadThatIsNumberedAlreadyOrHasNoSchemaFieldFirstIsLeftAlone() {
        assertThat(Sequence.numbered("{\"schema\":2,\"seq\":7,\"id\":\"a\"}", 9)).isEqualTo("{\"schema\":2,\"seq\":7,\"id\":\"a\"}");
        assertThat(Sequence.numbered("{\"id\":\"a\",\"schema\":2}", 9)).isEqualTo("{\"id\":\"a\",\"schema\":2}");
    }
}
