package org.isoband.gateway.mqtt;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.isoband.core.mqtt.PublishResult;

/**
 * Keeps QoS 1 publishes within the broker's Receive Maximum. Paho's MQTT 5 client refuses a publish over that
 * limit at once (32202, "too many publishes in progress") instead of waiting, so a burst at a connect (the
 * discovery configs and the clears of removed bands, beside the outbox's own window) lost some without a word.
 * Over the limit a publish waits here, in order, until an earlier one is answered. One slot stays free for
 * QoS 0 (the live force), which is never held: Paho refuses that too when the window is full.
 *
 * <p>Per connection: {@link #connected} starts a new count, and the answers of an earlier connection's
 * publishes no longer count.
 */
final class InflightGate {
    /** The transport's own publish. */
    @FunctionalInterface
    interface Send {
        void send(String topic, byte[] payload, int qos, boolean retained, Consumer<PublishResult> done);
    }

    private record Waiting(String topic, byte[] payload, int qos, boolean retained, Consumer<PublishResult> done) {
    }

    private final Send send;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private int limit = Integer.MAX_VALUE;
    private int inFlight;
    private long connection;

    InflightGate(Send send) {
        this.send = send;
    }

    /** A new connection, whose broker takes {@code receiveMaximum} unanswered QoS 1 publishes at most. */
    void connected(int receiveMaximum) {
        List<Waiting> dropped;
        synchronized (this) {
            connection++;
            limit = Math.max(1, receiveMaximum - 1);
            inFlight = 0;
            dropped = List.copyOf(waiting);
            waiting.clear();
        }
        // Held for a connection that is gone: their senders hear so, as from the client they never reached.
        dropped.forEach(w -> w.done().accept(new PublishResult.Unanswered("the connection it waited for was lost")));
    }

    void publish(String topic, byte[] payload, int qos, boolean retained, Consumer<PublishResult> done) {
        if (qos == 0) {
            send.send(topic, payload, qos, retained, done);
            return;
        }
        long mine;
        synchronized (this) {
            if (inFlight >= limit) {
                waiting.add(new Waiting(topic, payload, qos, retained, done));
                return;
            }
            inFlight++;
            mine = connection;
        }
        counted(new Waiting(topic, payload, qos, retained, done), mine);
    }

    /** Publishes waiting now (for the tests). */
    synchronized int waiting() {
        return waiting.size();
    }

    private void counted(Waiting w, long of) {
        send.send(w.topic(), w.payload(), w.qos(), w.retained(), result -> {
            Waiting next = null;
            synchronized (this) {
                if (of == connection) {
                    inFlight = Math.max(0, inFlight - 1);
                    if (inFlight < limit && !waiting.isEmpty()) {
                        next = waiting.poll();
                        inFlight++;
                    }
                }
            }
            w.done().accept(result);
            if (next != null) {
                counted(next, of);
            }
        });
    }
}
