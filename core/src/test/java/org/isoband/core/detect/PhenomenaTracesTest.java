package org.isoband.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.isoband.core.trace.TraceCsv;
import org.isoband.core.trace.TraceFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulated recordings of real signals' phenomena (src/test/resources/phenomena): every rep, no other. */
class PhenomenaTracesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"setup-progressor-1", "fidgets-progressor-1", "plateaus-progressor-1",
        "angles-progressor-1", "set-hx711-1", "clock-restart-progressor-1", "truncated-progressor-1",
        "held-deadband-1", "moved-crane-ble-1", "relaxation-loadcell-1"})
    void everyRepIsFoundOnceStartedWithinHalfASecondAndTruncatedOnesAreMarked(String name)
            throws IOException, TraceFormatException {
        List<RepEvent> reps = new ArrayList<>();
        HoldDetector detector = new HoldDetector(DetectorConfig.DEFAULTS, reps::add);
        try (InputStream csv = resource(name + ".csv"); InputStream json = resource(name + ".json")) {
            TraceCsv.read(new InputStreamReader(csv, StandardCharsets.UTF_8), name, detector::accept);
            detector.finish();
            JsonNode labels = new ObjectMapper().readTree(json).get("reps");

            assertThat(reps).as(name + ": one rep per labelled contraction").hasSize(labels.size());
            int right = 0;
            for (int i = 0; i < labels.size(); i++) {
                JsonNode want = labels.get(i);
                RepEvent got = reps.get(i);
                boolean truncated = want.path("truncated").asBoolean(false);
                assertThat(got.truncated()).as(name + " rep " + (i + 1) + " truncated").isEqualTo(truncated);
                if (!truncated) {
                    assertThat(got.startSeconds()).as(name + " rep " + (i + 1) + " start")
                            .isBetween(want.get("start_s").asDouble() - 0.5, want.get("start_s").asDouble() + 0.5);
                    right += got.verdict().name().equals(want.get("verdict").asText()) ? 1 : 0;
                } else {
                    right++;
                }
            }
            assertThat(right).as(name + ": verdicts right").isGreaterThanOrEqualTo(labels.size() - 1);
            assertThat(detector.counters().outOfOrder()).as("no sample lost").isZero();
        }
    }

    private static InputStream resource(String file) {
        InputStream in = PhenomenaTracesTest.class.getResourceAsStream("/phenomena/" + file);
        if (in == null) {
            throw new IllegalArgumentException("no test resource phenomena/" + file);
        }
        return in;
    }
}
