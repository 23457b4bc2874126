package org.isoband.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RepEventJsonTest {

    @Test
    void writesTheAnalyzeContractFieldsInSecondsAndRoundsThem() throws Exception {
        RepEvent rep = new RepEvent(3, 4_034_123_456L, 14_627_000_000L, 4_500_000_000L, 8.73849, Verdict.HELD,
                223.15689, 232.81, 1.94276, -0.2917, 33.2164, 189.94, 2);

        JsonNode json = new ObjectMapper().readTree(RepEventJson.toLine(rep));

        assertThat(json.get("rep").asInt()).isEqualTo(3);
        assertThat(json.get("start_s").asDouble()).isEqualTo(4.034);
        assertThat(json.get("end_s").asDouble()).isEqualTo(14.627);
        assertThat(json.get("steady_s").asDouble()).isEqualTo(8.738);
        assertThat(json.get("verdict").asText()).isEqualTo("HELD");
        assertThat(json.get("mean_n").asDouble()).isEqualTo(223.16);
        assertThat(json.get("peak_n").asDouble()).isEqualTo(232.81);
        assertThat(json.get("cv_pct").asDouble()).isEqualTo(1.94);
        assertThat(json.get("rest_n").asDouble()).isEqualTo(33.22);
        assertThat(json.get("dropped").asLong()).isEqualTo(2);
    }

    @Test
    void aValueThatIsNotFiniteBecomesNullNotInvalidJson() throws Exception {
        RepEvent rep = new RepEvent(1, 0, 1_000_000_000L, 0, 0, Verdict.INTERRUPTED, Double.NaN, 1, 0, 0, 0, 0, 0);

        JsonNode json = new ObjectMapper().readTree(RepEventJson.toLine(rep));

        assertThat(json.get("mean_n").isNull()).isTrue();
    }
}
