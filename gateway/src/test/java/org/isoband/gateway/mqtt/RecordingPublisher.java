package org.isoband.gateway.mqtt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.isoband.core.message.MaxTestMessage;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;
import org.isoband.core.message.StateMessage;

/** An {@link EventPublisher} that keeps what it is given, for tests of what the gateway publishes. */
final class RecordingPublisher implements EventPublisher {
    final List<RepMessage> reps = new ArrayList<>();
    final List<StateMessage> states = new ArrayList<>();
    final List<SessionSummary> summaries = new ArrayList<>();
    final List<MaxTestMessage> maxTests = new java.util.ArrayList<>();
    final List<Instant> forceTimes = new ArrayList<>();
    RepCounts before = RepCounts.NONE;
    Instant askedSince;
    boolean closed;

    @Override
    public void publishRep(RepMessage rep) {
        reps.add(rep);
    }

    @Override
    public void publishState(StateMessage state) {
        states.add(state);
    }

    @Override
    public void publishForce(String band, Instant at, double newtons) {
        forceTimes.add(at);
    }

    @Override
    public void publishSessionSummary(SessionSummary summary) {
        summaries.add(summary);
    }

    @Override
    public void publishMaxTest(MaxTestMessage result) {
        maxTests.add(result);
    }

    @Override
    public RepCounts repCountsSince(String band, Instant since) {
        askedSince = since;
        return before;
    }

    @Override
    public void close() {
        closed = true;
    }
}
