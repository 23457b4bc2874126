package org.isoband.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;

/** Keeps what a source delivers, for a test thread to wait on and look at. */
final class RecordingSink implements SampleSink {
    record Delivered(long tNanos, double newtons) {
    }

    record State(LinkState state, String detail) {
    }

    final List<Delivered> samples = new CopyOnWriteArrayList<>();
    final List<State> states = new CopyOnWriteArrayList<>();

    @Override
    public void sample(long tNanos, double newtons) {
        samples.add(new Delivered(tNanos, newtons));
    }

    @Override
    public void linkState(LinkState state, String detail) {
        states.add(new State(state, detail));
    }

    List<LinkState> stateSequence() {
        return states.stream().map(State::state).toList();
    }

    void awaitSamples(int n) {
        await(() -> samples.size() >= n, n + " samples, got " + samples.size());
    }

    void awaitNewtons(double newtons) {
        await(() -> samples.stream().anyMatch(s -> s.newtons() == newtons), newtons + " N, got " + samples);
    }

    void awaitState(LinkState state) {
        await(() -> states.stream().anyMatch(s -> s.state() == state), "link state " + state + ", got " + states);
    }

    void awaitStates(int n) {
        await(() -> states.size() >= n, n + " link states, got " + states);
    }

    /**
     * Waits for the source's thread. The limit is only a guard against a hung test; nothing is asserted about
     * how long it took.
     */
    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("waiting for " + what).isTrue();
            LockSupport.parkNanos(1_000_000);
        }
    }
}
