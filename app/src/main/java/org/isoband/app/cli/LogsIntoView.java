package org.isoband.app.cli;

import java.util.Optional;
import org.isoband.gateway.runtime.CueLog;
import org.isoband.gateway.runtime.Part;
import org.isoband.gateway.runtime.PartContext;
import org.isoband.gateway.runtime.ScreenPart;

/**
 * While the terminal view is up, log lines go into it (shown below the view) instead of across it, and the
 * cue log, whose lines would land in the middle of the view, is quiet. Started after the screen, so stopped
 * before it: the console has its log lines back when the view is gone.
 */
final class LogsIntoView implements Part {
    private final ScreenPart screen;
    private final Optional<CueLog> cueLog;
    private Runnable logsBack = () -> { };

    LogsIntoView(ScreenPart screen, Optional<CueLog> cueLog) {
        this.screen = screen;
        this.cueLog = cueLog;
    }

    @Override
    public String name() {
        return "logs into the terminal view";
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public void start(PartContext context) {
        screen.terminal().ifPresent(t -> {
            logsBack = LogSetup.intoView(t::log);
            cueLog.ifPresent(log -> log.mute(t.takesInput()));
        });
    }

    @Override
    public void stop() {
        logsBack.run();
        cueLog.ifPresent(log -> log.mute(false));
    }
}
