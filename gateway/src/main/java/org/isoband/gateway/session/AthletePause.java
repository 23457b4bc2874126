package org.isoband.gateway.session;

import java.util.function.Consumer;
import org.isoband.core.coach.Cue;

/**
 * A simulated athlete that does what a real one does when the coach pauses: stops pulling until it resumes
 * (the demo's; without it the simulator would go on training through a pause).
 */
public final class AthletePause implements SessionObserver {
    private final Consumer<Boolean> pause;

    public AthletePause(Consumer<Boolean> pause) {
        this.pause = pause;
    }

    @Override
    public void cue(Cue cue) {
        switch (cue.kind()) {
            case PAUSED -> pause.accept(true);
            case RESUMED, GET_READY, SESSION_DONE -> pause.accept(false);
            default -> { }
        }
    }
}
