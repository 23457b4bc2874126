package org.isoband.gateway.mqtt;

import java.util.HashMap;
import java.util.Map;
import org.isoband.core.message.MessageFormatException;
import org.isoband.core.message.StateMessage;

/**
 * Each band's newest rep, so that every state carries it ({@code last_rep}) even when the session in progress has
 * had none yet: after a gateway restart it is read back from the band's retained state. On the loop.
 */
final class LastReps {
    private final Map<String, StateMessage.LastRep> newest = new HashMap<>();

    /** The state with the newest rep known, when it has none; remembers the one it has. */
    StateMessage fill(StateMessage state) {
        if (state.lastRep() != null) {
            newest.put(state.band(), state.lastRep());
            return state;
        }
        StateMessage.LastRep known = newest.get(state.band());
        return known == null ? state : state.withLastRep(known);
    }

    /**
     * A retained state read back from the broker: its rep, unless a newer one is known already.
     *
     * @return true when it taught something new (the band's state is then worth publishing again)
     */
    boolean learn(String band, String retainedState) {
        if (newest.containsKey(band) || retainedState.isEmpty()) {
            return false;
        }
        try {
            StateMessage.LastRep before = StateMessage.fromJson(retainedState).lastRep();
            if (before == null) {
                return false;
            }
            newest.put(band, before);
            return true;
        } catch (MessageFormatException e) {
            return false; // not ours to read (an older or foreign payload): nothing learnt
        }
    }
}
