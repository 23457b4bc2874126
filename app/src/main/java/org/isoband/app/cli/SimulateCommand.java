package org.isoband.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.isoband.core.trace.TraceCsvWriter;
import org.isoband.device.sim.RepPlan;
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code isoband simulate}: a simulated athlete's session written as a recording, with its truth. */
@Command(
        name = "simulate",
        header = "Write a simulated athlete's session as a CSV recording, with its truth.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Write a simulated training session as a CSV recording (the analyze format).",
            "",
            "A physical model of an athlete holding a band (rest tension by hip angle, ramps, tremor,",
            "fatigue) read by a model of a sensor (rate, jitter, lost samples, noise). The same seed",
            "always gives the same recording. Scenarios:",
            "  session   right then left leg, 4 hip angles, 5 held reps each; failed reps are repeated",
            "  set       6 reps: held, released early, held, moved, wobbling, held",
            "  held, short, moved, unsteady   3 reps of that kind",
            "  dropout   3 holds, the second cut off by the sensor going silent for 4 s",
            "  setup, fidgets, plateaus, angles, relaxation, truncated, clock-restart, endurance: what",
            "            real recordings do (set-up tension, fidgets, rest plateaus, rest steps between angles,",
            "            band stress relaxation, a recording cut mid-rep, a clock that restarts, a test that",
            "            records only the inside of one long hold)",
            "Sensors (--sensor): " + SensorModel.NAMES + "."
        },
        footer = {"", "Example:", "  isoband simulate --scenario set --seed 7 --out set.csv --labels set.json"})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "where to write the recording")
    Path out;

    @Option(names = "--scenario", defaultValue = "set", paramLabel = "NAME",
            description = "what the athlete does (default: ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--sensor", defaultValue = "loadcell", paramLabel = "NAME",
            description = "how the sensor reads: rate, noise, resolution, faults (default: ${DEFAULT-VALUE})")
    String sensor;

    @Option(names = "--rate", paramLabel = "HZ", description = "sensor sample rate (default: the sensor's, 80 Hz for loadcell)")
    Double rate;

    @Option(names = "--loss", defaultValue = "0", paramLabel = "P", converter = Ranges.Loss.class,
            description = "probability that a sample is lost, 0 to 0.5 (default: ${DEFAULT-VALUE})")
    double loss;

    @Option(names = "--labels", paramLabel = "FILE.json",
            description = "also write the truth: each rep's start, end, steady seconds and expected verdict")
    Path labels;

    @Override
    public Integer call() throws IOException {
        SimulatedSession session = session();
        long[] count = {0};
        try (TraceCsvWriter writer = new TraceCsvWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            writer.comment(String.format(Locale.ROOT, "isoband simulate --scenario %s --seed %d --sensor %s --rate %s --loss %s",
                    session.scenario().cliName(), seed, sensor, session.sensor().hz(), session.sensor().loss()));
            session.forEach((t, f) -> {
                writer.sampleUnchecked(t, f);
                count[0]++;
            });
        } catch (UncheckedIOException e) {
            throw new UserError("cannot write " + out + ": " + e.getCause().getMessage());
        }
        if (labels != null) {
            writeLabels(session);
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "simulate: %d reps, %d samples, %.0f s written to %s%n",
                session.reps().size(), count[0], session.durationS(), out);
        return 0;
    }

    private SimulatedSession session() {
        Scenario chosen;
        try {
            chosen = Scenario.fromCliName(scenario);
        } catch (IllegalArgumentException e) {
            throw new UserError("--scenario: " + e.getMessage());
        }
        SensorModel model;
        try {
            model = SensorModel.named(sensor);
        } catch (IllegalArgumentException e) {
            throw new UserError("--sensor: " + e.getMessage());
        }
        try {
            model = rate != null ? model.withRate(rate) : model;
            return new SimulatedSession(chosen, seed, loss > 0 ? model.withLoss(loss) : model);
        } catch (IllegalArgumentException e) {
            throw new UserError("--rate: " + e.getMessage());
        }
    }

    private void writeLabels(SimulatedSession session) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("hz", session.sensor().hz());
        root.put("sensor", sensor);
        root.put("scenario", session.scenario().cliName());
        root.put("seed", seed);
        ArrayNode reps = root.putArray("reps");
        for (RepPlan r : session.reps()) {
            ObjectNode rep = reps.addObject();
            rep.put("start_s", round(r.startS()));
            rep.put("end_s", round(r.endS()));
            rep.put("steady_s", round(r.steadyS()));
            rep.put("verdict", r.fault().expectedVerdict().name());
            rep.put("leg", r.leg());
            rep.put("angle", r.angle());
            rep.put("rest_n", round(r.baseN()));
            if (session.truncated(r)) {
                rep.put("truncated", true);
            }
        }
        json.writerWithDefaultPrettyPrinter().writeValue(labels.toFile(), root);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
