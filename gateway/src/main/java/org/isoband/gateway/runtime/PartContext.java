package org.isoband.gateway.runtime;

import java.util.function.Supplier;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.gateway.display.ScreenModel;
import org.isoband.gateway.mqtt.SampleClock;
import org.isoband.gateway.session.SessionObserver;

/**
 * What a {@link Part} sees of the running gateway. The session exists before any part starts, so a part can
 * send it commands (the button) or read its screen without a back reference; what the session tells, a part
 * hears by {@link #listen}ing.
 */
public interface PartContext {

    /** Hears the session from now on, on the session's loop thread (see {@link SessionObserver}). */
    void listen(SessionObserver observer);

    /** The button or a key: safe from any thread. */
    void command(AthleteCommand command);

    /** The safety notice read (the demo's simulated athlete reads it too). */
    void acknowledgeSafetyNotice();

    /** The latest screen of the session, for a display thread (null before the first tick). */
    Supplier<ScreenModel> screens();

    /** The source's sample clock as wall-clock instants (a simulated band played faster runs its own). */
    SampleClock sampleClock();

    /** The MQTT link in words for the screen ("connected", "offline (3 queued)"); "off" until one says. */
    void brokerStatus(Supplier<String> status);

    /** Ends the program cleanly, as Ctrl-C does (the q key). */
    void quit();

    /** For parts of a program without a session (the dashboard on its own): listens to nothing, no commands. */
    static PartContext withoutSession(Shutdown shutdown) {
        return new PartContext() {
            @Override
            public void listen(SessionObserver observer) {
                // there is no session to hear
            }

            @Override
            public void command(AthleteCommand command) {
                // no session to command
            }

            @Override
            public void acknowledgeSafetyNotice() {
                // no session
            }

            @Override
            public Supplier<ScreenModel> screens() {
                return () -> null;
            }

            @Override
            public SampleClock sampleClock() {
                return SampleClock.system();
            }

            @Override
            public void brokerStatus(Supplier<String> status) {
                // nothing shows it
            }

            @Override
            public void quit() {
                shutdown.request();
            }
        };
    }
}
