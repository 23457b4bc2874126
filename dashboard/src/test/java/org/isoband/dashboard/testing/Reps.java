package org.isoband.dashboard.testing;

import java.time.Instant;
import java.util.UUID;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.RepMessage;

/** Rep events for tests. */
public final class Reps {
    private Reps() {
    }

    public static RepMessage rep(String gateway, String band, String session, String leg, Integer angle, int n,
                                 Instant start, double steadyS, Verdict verdict, double amplitudeN) {
        return new RepMessage(UUID.randomUUID().toString(), gateway, band, session, leg, angle, n, start,
                start.plusMillis((long) (steadyS * 1000) + 1500), steadyS, 6.0, verdict, 30 + amplitudeN,
                32 + amplitudeN, 1.8, 0.5, 30.0, amplitudeN, 0);
    }

    public static RepMessage held(String band, String leg, int angle, int n, Instant start) {
        return rep("pi", band, "s1", leg, angle, n, start, 7.25, Verdict.HELD, 150);
    }
}
