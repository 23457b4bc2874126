package org.isoband.device.ble.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.isoband.device.source.BatteryLevel;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;

/** Keeps everything a source delivers, and waits for it, for the tests. */
public final class RecordingSink implements SampleSink {
    /** One sample as delivered. */
    public record Sample(long tNanos, double newtons) {
    }

    /** One link state as delivered. */
    public record State(LinkState state, String detail) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final List<State> states = new ArrayList<>();
    private final List<String> order = new ArrayList<>();
    private final List<BatteryLevel> batteries = new ArrayList<>();

    /** Battery readings are kept apart: {@link #order} is samples and states only. */
    @Override
    public synchronized void battery(BatteryLevel level) {
        batteries.add(level);
        notifyAll();
    }

    public synchronized List<BatteryLevel> batteries() {
        return new ArrayList<>(batteries);
    }

    public synchronized BatteryLevel awaitBattery(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (batteries.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no battery reading within " + timeout.toSeconds() + " s");
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return batteries.get(0);
    }

    @Override
    public synchronized void sample(long tNanos, double newtons) {
        samples.add(new Sample(tNanos, newtons));
        order.add("sample");
        notifyAll();
    }

    @Override
    public synchronized void linkState(LinkState state, String detail) {
        states.add(new State(state, detail));
        order.add(state.name());
        notifyAll();
    }

    public synchronized List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    public synchronized List<State> states() {
        return new ArrayList<>(states);
    }

    /** The states without repeats, such as [CONNECTING, STREAMING, LOST, STREAMING, STOPPED]. */
    public synchronized List<LinkState> stateChanges() {
        List<LinkState> out = new ArrayList<>();
        for (State s : states) {
            if (out.isEmpty() || out.get(out.size() - 1) != s.state()) {
                out.add(s.state());
            }
        }
        return out;
    }

    /** Samples and states in the order delivered: "CONNECTING", "sample", ... */
    public synchronized List<String> order() {
        return new ArrayList<>(order);
    }

    public synchronized void awaitSamples(int count, Duration timeout) throws InterruptedException {
        await(() -> samples.size() >= count, "" + count + " samples", timeout);
    }

    public synchronized State awaitState(Predicate<State> test, String what, Duration timeout)
            throws InterruptedException {
        await(() -> states.stream().anyMatch(test), what, timeout);
        return states.stream().filter(test).findFirst().orElseThrow();
    }

    public synchronized State awaitState(LinkState state, Duration timeout) throws InterruptedException {
        return awaitState(s -> s.state() == state, "link " + state, timeout);
    }

    private void await(java.util.function.BooleanSupplier condition, String what, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; states so far: " + states + ", " + samples.size() + " samples");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
