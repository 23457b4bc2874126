package org.isoband.device.ble;

import org.isoband.device.source.BatteryLevel;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;

/**
 * The sink behind one lock: calls come from the link thread and from dbus-java's signal thread, and the sink must
 * see them one at a time. Repeats of a state with the same detail are dropped; nothing after STOPPED. The first
 * sample after a start or a loss makes the link STREAMING.
 */
final class Delivery {
    private final SampleSink sink;
    private LinkState state;
    private String detail = "";
    private boolean stopped;
    private volatile boolean streamedBefore;

    Delivery(SampleSink sink) {
        this.sink = sink;
    }

    /** The samples of one link, labelled with the device for the STREAMING state's detail. */
    SampleSink forLink(String label) {
        return new SampleSink() {
            @Override
            public void sample(long tNanos, double newtons) {
                Delivery.this.sample(tNanos, newtons, label);
            }

            @Override
            public void linkState(LinkState newState, String newDetail) {
                state(newState, newDetail);
            }

            @Override
            public void battery(BatteryLevel level) {
                Delivery.this.battery(level);
            }
        };
    }

    /** Whether any sample was delivered: a failure after that is a loss (LOST), before it still CONNECTING. */
    boolean streamedBefore() {
        return streamedBefore;
    }

    synchronized void sample(long tNanos, double newtons, String label) {
        if (stopped) {
            return;
        }
        if (state != LinkState.STREAMING) {
            state(LinkState.STREAMING, label);
        }
        sink.sample(tNanos, newtons);
        streamedBefore = true;
    }

    synchronized void state(LinkState newState, String newDetail) {
        if (stopped || newState == state && newDetail.equals(detail)) {
            return;
        }
        state = newState;
        detail = newDetail;
        sink.linkState(newState, newDetail);
    }

    synchronized void battery(BatteryLevel level) {
        if (!stopped) {
            sink.battery(level);
        }
    }

    /** Reports LOST if streaming; true if it did. */
    synchronized boolean loseIfStreaming(String newDetail) {
        if (state != LinkState.STREAMING) {
            return false;
        }
        state(LinkState.LOST, newDetail);
        return true;
    }

    synchronized void stopped() {
        state(LinkState.STOPPED, "");
        stopped = true;
    }
}
