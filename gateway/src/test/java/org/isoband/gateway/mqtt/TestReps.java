package org.isoband.gateway.mqtt;

import java.time.Instant;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.Origin;
import org.isoband.core.message.RepMessage;

/** Rep events made up for tests of delivery, where the detector adds nothing. */
final class TestReps {
    private TestReps() {
    }

    static RepMessage rep(String band, int n) {
        Verdict verdict = Verdict.values()[n % Verdict.values().length];
        RepEvent event = new RepEvent(n, 0, 8_000_000_000L, 1_000_000_000L, 7.25, verdict, 180.5, 190, 1.5, 0.2, 30, 150.5, 0);
        Instant end = Instant.now();
        return RepMessage.of(event, new Origin("test_pi", band, "session-1", "right", 1), end.minusSeconds(8), end, 6);
    }
}
