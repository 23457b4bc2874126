package org.isoband.gateway.runtime;

import org.isoband.gateway.session.SessionObserver;

/**
 * One piece of the running gateway with a start and a stop: the MQTT link, the screen, the buzzer and LED, a
 * log of cues; the demo adds its broker and dashboard. Created in one place ({@link GatewayParts} for what
 * the configuration asks for), started in order each inside its own error handling before the session
 * starts, stopped in reverse order after it ended ({@link Parts}).
 */
public interface Part {

    /** A few words for the log: "mqtt", "screen". */
    String name();

    /**
     * Starts; may register session observers through {@code context}. Returns promptly: a part that works
     * on its own thread starts it here.
     */
    void start(PartContext context) throws Exception;

    /** Stops and releases what {@link #start} took; called once, only after a successful start. */
    void stop();

    /**
     * Whether the program cannot go on without this part. A required part that fails to start stops the
     * start (the parts already started are stopped) and its error is the command's; an optional one (the
     * screen, the buzzer) is logged and the session goes on without it.
     */
    default boolean required() {
        return true;
    }

    /**
     * Whether, once started, the athlete can give commands through this part (a screen that takes touch or
     * keys, a button). With none at all, {@code plan.autostart: auto} starts the plan by itself.
     */
    default boolean takesInput() {
        return false;
    }

    /** A part that only listens to the session (a log of cues, a tally of reps). */
    static Part listening(String name, SessionObserver observer) {
        return new Part() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start(PartContext context) {
                context.listen(observer);
            }

            @Override
            public void stop() {
                // nothing held
            }
        };
    }

    /** A part that does one thing when the parts before it have started (a line saying what runs). */
    static Part onStart(String name, Runnable action) {
        return new Part() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start(PartContext context) {
                action.run();
            }

            @Override
            public void stop() {
                // nothing held
            }
        };
    }
}
