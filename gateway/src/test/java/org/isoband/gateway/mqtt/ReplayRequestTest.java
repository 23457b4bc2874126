package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayRequestTest {
    private static ReplayRequest parse(String json) {
        return ReplayRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aConsumerAsksFromASequenceNumberOrSinceAnInstant() {
        assertThat(parse("{\"schema\":1,\"from_seq\":42}")).isEqualTo(new ReplayRequest(42, null));
        assertThat(parse("{\"schema\":1,\"since\":\"2026-11-24T08:00:00.000Z\"}"))
                .isEqualTo(new ReplayRequest(-1, Instant.parse("2026-11-24T08:00:00Z")));
    }

    @Test
    void aRequestThatIsNeitherIsRefusedWithTheReason() {
        assertThatThrownBy(() -> parse("replay please")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parse("{\"schema\":1,\"from_seq\":0}")).hasMessageContaining("from_seq (1 or more) or since");
        assertThatThrownBy(() -> parse("{\"schema\":1,\"since\":\"yesterday\"}")).hasMessageContaining("since is not an ISO-8601 instant");
    }

    @Test
    void theSequenceNumberGoesRightAfterTheSchemaFieldAndOnlyOnce() {
        assertThat(Sequence.numbered("{\"schema\":1,\"id\":\"a\"}", 7)).isEqualTo("{\"schema\":1,\"seq\":7,\"id\":\"a\"}");
        assertThat(Sequence.numbered("{\"schema\":1,\"seq\":7,\"id\":\"a\"}", 8)).isEqualTo("{\"schema\":1,\"seq\":7,\"id\":\"a\"}");
    }
}
