package org.isoband.gateway.session;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.core.coach.Cue;
import org.isoband.core.coach.CueKind;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.device.gpio.Button;
import org.isoband.device.gpio.Buzzer;
import org.isoband.device.gpio.Led;

/**
 * The athlete's eyes are on the ceiling during a hold: the buzzer marks the cues that matter (one beep: get
 * ready and hold started; two: target reached; three: stop; long tones for the force zone: one, a little harder;
 * two, ease off), the LED is lit while the hold is steady, and the
 * button starts/pauses (one press) or skips (two presses within {@link #DOUBLE_PRESS_NANOS}). Beeps are timed
 * on their own thread so the session loop never waits. Any of the three may be absent (null).
 */
public final class GpioFeedback implements SessionObserver, AutoCloseable {
    static final long BEEP_MILLIS = 120;
    static final long GAP_MILLIS = 120;
    static final long DOUBLE_PRESS_NANOS = 600_000_000L;

    private final Buzzer buzzer;
    private final Led led;
    private final Button button;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gpio-feedback");
        t.setDaemon(true);
        return t;
    });
    private long firstPressNanos = Long.MIN_VALUE;

    public GpioFeedback(Buzzer buzzer, Led led, Button button, Consumer<AthleteCommand> commands) {
        this.buzzer = buzzer;
        this.led = led;
        this.button = button;
        if (button != null) {
            button.addListener(t -> timer.execute(() -> pressed(t, commands)));
        }
    }

    private void pressed(long tNanos, Consumer<AthleteCommand> commands) {
        if (firstPressNanos != Long.MIN_VALUE && tNanos - firstPressNanos <= DOUBLE_PRESS_NANOS) {
            firstPressNanos = Long.MIN_VALUE;
            commands.accept(AthleteCommand.SKIP);
            return;
        }
        firstPressNanos = tNanos;
        long first = tNanos;
        // A single press acts once it is clear no second one follows.
        timer.schedule(() -> {
            if (firstPressNanos == first) {
                firstPressNanos = Long.MIN_VALUE;
                commands.accept(AthleteCommand.START_PAUSE);
            }
        }, DOUBLE_PRESS_NANOS, TimeUnit.NANOSECONDS);
    }

    /** Is there a button to start the plan with? */
    public boolean hasButton() {
        return button != null;
    }

    /** How many beeps a cue gets (0: none). */
    static int beeps(Cue cue) {
        return switch (cue.kind()) {
            case GET_READY, HOLD_STARTED, HARDER -> 1;
            case TARGET_REACHED, EASE_OFF -> 2;
            case STOP -> 3;
            default -> 0;
        };
    }

    /**
     * How long each beep of a cue lasts: the force-zone cues are long tones (one: harder, two: ease off), so that
     * they cannot be taken for the short beeps of the hold's timing.
     */
    static long beepMillis(Cue cue) {
        return cue.kind() == CueKind.HARDER || cue.kind() == CueKind.EASE_OFF ? LONG_BEEP_MILLIS : BEEP_MILLIS;
    }

    static final long LONG_BEEP_MILLIS = 450;

    @Override
    public void cue(Cue cue) {
        int n = beeps(cue);
        if (buzzer == null || n == 0) {
            return;
        }
        long length = beepMillis(cue);
        for (int i = 0; i < n; i++) {
            long at = i * (length + GAP_MILLIS);
            timer.schedule(buzzer::on, at, TimeUnit.MILLISECONDS);
            timer.schedule(buzzer::off, at + length, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void phase(Phase from, Phase to, HoldState live, RepContext where) {
        if (led != null) {
            boolean steady = to == Phase.HOLD;
            timer.execute(() -> led.set(steady));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (AutoCloseable c : new AutoCloseable[] {buzzer, led, button}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // freeing a pin at shutdown: nothing useful to do about a failure
                }
            }
        }
    }
}
