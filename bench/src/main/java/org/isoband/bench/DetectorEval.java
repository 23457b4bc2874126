package org.isoband.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.RepEventJson;
import org.isoband.core.detect.SampleCounters;
import org.isoband.core.trace.TraceCsvWriter;
import org.isoband.core.trace.TraceFormatException;
import org.isoband.device.sim.RepPlan;
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import org.isoband.gateway.analyze.TraceAnalysis;
import org.isoband.gateway.analyze.TraceAnalyzer;

/**
 * The two halves of bench/detector-eval.sh in one JVM (a JVM per trace takes minutes on a loaded machine):
 * <ul>
 *   <li>{@code simulate OUT_DIR SEEDS SCENARIO:SENSOR...}: each family's recordings and their truth, as
 *       {@code isoband simulate --labels} writes them;</li>
 *   <li>{@code analyze FILE.csv...}: each recording through {@code isoband analyze}'s own engine
 *       ({@link TraceAnalyzer}, default detector), its JSON lines to {@code FILE.reps.jsonl} and what analyze
 *       says on stderr to {@code FILE.err}.</li>
 * </ul>
 */
public final class DetectorEval {
    private DetectorEval() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("simulate")) {
            Path dir = Path.of(args[1]);
            int seeds = Integer.parseInt(args[2]);
            for (int i = 3; i < args.length; i++) {
                String[] family = args[i].split(":", 2);
                for (int seed = 1; seed <= seeds; seed++) {
                    simulate(dir, Scenario.fromCliName(family[0]), family[1], seed);
                }
            }
        } else if (args.length >= 2 && args[0].equals("analyze")) {
            for (int i = 1; i < args.length; i++) {
                analyze(Path.of(args[i]));
            }
        } else {
            System.err.println("usage: DetectorEval simulate OUT_DIR SEEDS SCENARIO:SENSOR... | analyze FILE.csv...");
            System.exit(2);
        }
    }

    private static void simulate(Path dir, Scenario scenario, String sensor, long seed) throws IOException {
        SimulatedSession session = new SimulatedSession(scenario, seed, SensorModel.named(sensor));
        String stem = scenario.cliName() + "-" + sensor + "-" + seed;
        try (TraceCsvWriter writer = new TraceCsvWriter(Files.newBufferedWriter(dir.resolve(stem + ".csv"),
                StandardCharsets.UTF_8))) {
            writer.comment(String.format(Locale.ROOT, "isoband simulate --scenario %s --seed %d --sensor %s",
                    scenario.cliName(), seed, sensor));
            session.forEach(writer::sampleUnchecked);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT, "{\"hz\": %s, \"sensor\": \"%s\", \"scenario\": \"%s\", \"seed\": %d, \"reps\": [",
                session.sensor().hz(), sensor, scenario.cliName(), seed));
        String sep = "\n";
        for (RepPlan r : session.reps()) {
            json.append(sep).append(String.format(Locale.ROOT,
                    "  {\"start_s\": %.3f, \"end_s\": %.3f, \"steady_s\": %.3f, \"verdict\": \"%s\", \"rest_n\": %.3f,"
                            + " \"ramp_s\": %.3f, \"release_s\": %.3f%s}",
                    r.startS(), r.endS(), r.steadyS(), r.fault().expectedVerdict(), r.baseN(), r.rampS(), r.releaseS(),
                    session.truncated(r) ? ", \"truncated\": true" : ""));
            sep = ",\n";
        }
        json.append("\n]}\n");
        Files.writeString(dir.resolve(stem + ".json"), json, StandardCharsets.UTF_8);
    }

    private static void analyze(Path csv) throws IOException {
        String stem = csv.toString().substring(0, csv.toString().length() - ".csv".length());
        StringWriter err = new StringWriter();
        try (Writer out = Files.newBufferedWriter(Path.of(stem + ".reps.jsonl"), StandardCharsets.UTF_8)) {
            try {
                TraceAnalysis a = new TraceAnalyzer(DetectorConfig.DEFAULTS).analyze(csv, false, rep -> {
                    try {
                        out.write(RepEventJson.toLine(rep) + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                PrintWriter e = new PrintWriter(err);
                a.notes().forEach(n -> e.println("isoband analyze: " + n));
                SampleCounters c = a.counters();
                if (c.dropped() > 0) {
                    e.printf(Locale.ROOT, "isoband analyze: %s: dropped %d of %d samples (%d not finite, %d out of order"
                            + " or repeated time, %d saturated)%n", csv, c.dropped(), c.dropped() + c.accepted(),
                            c.notFinite(), c.outOfOrder(), c.saturated());
                }
                e.flush();
            } catch (TraceFormatException e) {
                err.write("isoband analyze: " + e.getMessage() + "\n");
            }
        }
        Files.writeString(Path.of(stem + ".err"), err.toString(), StandardCharsets.UTF_8);
    }
}
