package org.isoband.dashboard.ingest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.isoband.core.message.ForceBatch;
import org.isoband.core.message.StateMessage;

/**
 * The latest of everything live: each band's state and newest force, each gateway's status. A page that opens
 * gets this first, then the pushed changes; nothing here is stored, it is all retained or re-sent by the gateways.
 */
public final class LiveState {
    private final Map<String, StateMessage> states = new ConcurrentHashMap<>();
    private final Map<String, ForceBatch> forces = new ConcurrentHashMap<>();
    private final Map<String, Boolean> gateways = new ConcurrentHashMap<>();

    void state(StateMessage s) {
        states.put(s.gateway() + "/" + s.band(), s);
    }

    void force(ForceBatch b) {
        forces.put(b.gateway() + "/" + b.band(), b);
    }

    void status(String gateway, boolean online) {
        gateways.put(gateway, online);
    }

    /** Each band's latest state, sorted by gateway and band. */
    public List<StateMessage> states() {
        return new TreeMap<>(states).values().stream().toList();
    }

    /** Each band's latest force batch, sorted by gateway and band. */
    public List<ForceBatch> forces() {
        return new TreeMap<>(forces).values().stream().toList();
    }

    /** Each gateway's last status: true online, false offline (its Last Will). */
    public Map<String, Boolean> gateways() {
        return new TreeMap<>(gateways);
    }
}
