package org.isoband.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.isoband.core.coach.PlanPosition;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.runtime.CueLog;
import org.isoband.gateway.runtime.Gateway;
import org.isoband.gateway.runtime.GatewayParts;
import org.isoband.gateway.runtime.Part;
import org.isoband.gateway.runtime.Shutdown;
import org.isoband.gateway.session.SavedSession;
import org.isoband.gateway.session.SessionJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code isoband run}: the real gateway: the sensor from the configuration, the coach, the display, MQTT. */
@Command(
        name = "run",
        header = "Run the trainer: the configured sensor, the coach, the screen and MQTT.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run the trainer: the sensor named in the configuration, the coach, the display and MQTT.",
            "A session that was cut off (a crash, a power cut) within the last 12 hours is offered for",
            "resuming where the athlete was. A bad configuration file is refused with every problem",
            "listed (exit code 2)."
        },
        footer = {"", "Example:", "  isoband run --config ~/.config/isoband/isoband.yaml"})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final Duration RESUME_WITHIN = Duration.ofHours(12);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "the configuration file (default: ~/.config/isoband/isoband.yaml; make one with "
                    + "'isoband config example')")
    Path config;

    @Option(names = "--resume", description = "resume the last unfinished session without asking")
    boolean resume;

    @Option(names = "--new", description = "start a new session even if one was cut off")
    boolean fresh;

    @Option(names = "--max-test", description = "test the maximum of every leg and angle in this session, due or not")
    boolean maxTest;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        verbose.configureLogging();
        GatewayConfig cfg = ConfigFile.loadOrReport(config, spec, true);
        if (cfg == null) {
            return UserErrorHandler.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        GatewayParts standard = GatewayParts.of(cfg);
        List<Part> parts = new ArrayList<>();
        CueLog cueLog = new CueLog(out);
        parts.add(Part.listening("cue log", cueLog));
        parts.addAll(standard.list());
        parts.add(new LogsIntoView(standard.screen(), Optional.of(cueLog)));
        try (Shutdown shutdown = Shutdown.onSignal("run");
             Gateway gateway = Gateway.open(cfg, journal -> startingPoint(journal, out), shutdown,
                     maxTest ? Gateway.MaxTest.NOW : Gateway.MaxTest.WHEN_DUE)) {
            parts.add(Part.onStart("announce", () -> LOG.info(String.format(Locale.ROOT,
                    "gateway %s, band %s: %s; screen: %s; audio: %s", cfg.gateway(), cfg.band(), gateway.sourceName(),
                    standard.screen().describe(), standard.audio()))));
            PlanPosition end = gateway.run(parts, Optional.empty());
            out.printf(Locale.ROOT, "isoband run: %d of %d held reps of the plan done%n", end.held(), cfg.plan().totalReps());
            // Before the shutdown closes: Ctrl-C, like q, ends with the session's summary.
            gateway.summary().lines().forEach(l -> out.println("  " + l));
            out.flush();
        }
        return 0;
    }

    /** A new session, or the one that was cut off, as the athlete wants. */
    private PlanPosition startingPoint(SessionJournal journal, PrintWriter out) throws SQLException {
        if (fresh) {
            return PlanPosition.START;
        }
        Optional<SavedSession> saved = journal.unfinished(Instant.now().minus(RESUME_WITHIN));
        if (saved.isEmpty()) {
            return PlanPosition.START;
        }
        PlanPosition p = saved.get().position();
        String where = String.format(Locale.ROOT, "leg %d, angle %d, rep %d (%d reps held), last saved %s",
                p.legIndex() + 1, p.angleIndex() + 1, p.rep(), p.held(), saved.get().updated());
        if (resume || System.console() == null) {
            out.println("isoband run: resuming the session that was cut off: " + where);
            return p;
        }
        out.print("A session was cut off (" + where + "). Resume it? [Y/n] ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer == null || answer.isBlank() || answer.trim().toLowerCase(Locale.ROOT).startsWith("y") ? p : PlanPosition.START;
        } catch (IOException e) {
            return p;
        }
    }
}
