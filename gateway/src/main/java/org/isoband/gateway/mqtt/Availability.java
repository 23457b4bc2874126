package org.isoband.gateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.isoband.core.message.StateMessage;

/**
 * The retained live topics of each band: its newest {@code state}, and its {@code availability}, which is
 * "online" while samples arrive (the data heartbeat, within {@code heartbeatS}) and its link is STREAMING.
 * Both are published again on every connection, so a broker that forgot them learns them again. Every state
 * carries the band's newest rep ({@link LastReps}), and at local midnight every state is published again with
 * nothing done today ({@link #newDay}). On the loop.
 */
final class Availability {
    private final TopicNames topics;
    private final PublishChannel channel;
    private final ForceStream force;
    private final LongSupplier nanos;
    private final double heartbeatS;
    private final Map<String, StateMessage> states = new HashMap<>();
    private final Map<String, Boolean> available = new HashMap<>();
    private final LastReps lastReps = new LastReps();
    private boolean connected;

    Availability(TopicNames topics, PublishChannel channel, ForceStream force, LongSupplier nanos, double heartbeatS,
                 List<String> bands) {
        this.topics = topics;
        this.channel = channel;
        this.force = force;
        this.nanos = nanos;
        this.heartbeatS = heartbeatS;
        for (String band : bands) {
            available.put(TopicNames.sanitize(band), false);
        }
    }

    void state(StateMessage given) {
        StateMessage state = lastReps.fill(given);
        states.put(state.band(), state);
        if (connected) {
            send(topics.state(state.band()), state.toJson());
        }
        update(state.band());
    }

    /** Connected: every band's availability and newest state again. */
    void connected() {
        connected = true;
        for (Map.Entry<String, Boolean> band : available.entrySet()) {
            send(topics.availability(band.getKey()), band.getValue() ? "online" : "offline");
        }
        for (StateMessage state : states.values()) {
            send(topics.state(state.band()), state.toJson());
        }
    }

    void disconnected() {
        connected = false;
    }

    /** A band's retained state from before this start, read back: its newest rep fills the states from now on. */
    void retainedState(String band, String payload) {
        StateMessage newest = states.get(band);
        if (lastReps.learn(band, payload) && newest != null && newest.lastRep() == null) {
            state(newest);
        }
    }

    /** Local midnight {@code midnight} passed: every state decided before it again, with nothing done today. */
    void newDay(Instant midnight, Instant now) {
        for (StateMessage state : List.copyOf(states.values())) {
            if (state.at().isBefore(midnight)) {
                StateMessage next = state.newDay(now);
                states.put(next.band(), next);
                if (connected) {
                    send(topics.state(next.band()), next.toJson());
                }
            }
        }
    }

    /** Every band's availability and newest state again (Home Assistant restarted). */
    void republish() {
        if (connected) {
            connected();
        }
    }

    /** On the loop, a few times a second: bands whose heartbeat stopped or started. */
    void tick() {
        Set<String> bands = new LinkedHashSet<>(available.keySet());
        force.bands().forEach(bands::add);
        bands.addAll(states.keySet());
        for (String band : bands) {
            update(band);
        }
    }

    /** The bands' availability topics, for the goodbye ("offline"). */
    Set<String> bands() {
        return available.keySet();
    }

    private void update(String band) {
        long last = force.lastSampleNanos(band);
        boolean beating = last != Long.MIN_VALUE && nanos.getAsLong() - last < heartbeatS * 1e9;
        StateMessage state = states.get(band);
        boolean online = beating && (state == null || state.link().equals("STREAMING"));
        Boolean before = available.put(band, online);
        if (connected && (before == null || before != online)) {
            send(topics.availability(band), online ? "online" : "offline");
        }
    }

    private void send(String topic, String payload) {
        channel.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true, result -> { });
    }
}
