package org.isoband.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.DoubleConsumer;
import org.isoband.core.sample.CalibrationProcedure;
import org.isoband.core.sample.CalibrationProcedure.Rejected;
import org.isoband.core.sample.CalibrationProcedure.Step;
import org.isoband.core.sample.CalibrationProcedure.StepName;
import org.isoband.device.gpio.GpioClock;
import org.isoband.device.gpio.GpioUnavailableException;
import org.isoband.device.gpio.Hx711Config;
import org.isoband.device.gpio.Hx711Gain;
import org.isoband.device.gpio.Hx711RawSensor;
import org.isoband.device.gpio.RawSensor;
import org.isoband.device.gpio.SensorException;
import org.isoband.device.gpio.SimulatedLoadCell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code isoband calibrate}: the two-point calibration of a load cell, saved to the config file. */
@Command(
        name = "calibrate",
        header = "Calibrate a wired load cell: tare, then a known load; saved into the config.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Calibrate the load cell (tare and a known load) into the config.",
            "",
            "Measures the HX711 with the band slack (the tare), then under a known",
            "weight or force, and saves the offset and the scale. It asks on the",
            "terminal:",
            "  1. let the band hang slack and press Enter;",
            "  2. hang a known weight from the sensor (or pull with a known force) and",
            "     type its mass in kg or its force in N: '5 kg' or '49 N'.",
            "Each step averages --seconds of readings, with progress. A step is measured",
            "again, with the reason, when its readings are too noisy (over 2 %% of the",
            "known force) or when the load barely moved the reading. At the end it",
            "shows the noise in N rms.",
            "",
            "Only the top-level 'calibration:' block of the config file is written",
            "(offset_raw, scale_n_per_raw, band_stiffness_n_per_m); every other line",
            "and comment stays as it was. The file and its folder are created if",
            "missing. Nothing is saved when calibration is cancelled (Ctrl-D)."
        },
        footer = {
            "",
            "Examples:",
            "  isoband calibrate                      HX711 DOUT on BCM 5, SCK on BCM 6",
            "  isoband calibrate --dout 17 --sck 27 --rate 10",
            "  isoband calibrate --source sim --config try.yaml      without a Pi",
            "",
            "Wiring of the HX711 to the Pi: docs/wiring.md"
        })
final class CalibrateCommand implements Callable<Integer>, Interactive {
    static final double DEFAULT_STIFFNESS = 150;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", defaultValue = "hx711", paramLabel = "hx711|sim",
            description = "hx711: the HX711 on this Pi's GPIO; sim: a simulated load cell that carries whatever "
                    + "load you type (default: ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--dout", defaultValue = "5", paramLabel = "BCM",
            description = "GPIO (BCM number) wired to the HX711's DOUT (default: ${DEFAULT-VALUE})")
    int dout;

    @Option(names = "--sck", defaultValue = "6", paramLabel = "BCM",
            description = "GPIO (BCM number) wired to the HX711's PD_SCK (default: ${DEFAULT-VALUE})")
    int sck;

    @Option(names = "--rate", defaultValue = "80", paramLabel = "HZ",
            description = "10 or 80: what the HX711 board's RATE pin is set to (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--gain", defaultValue = "128", paramLabel = "N",
            description = "128 or 64 on channel A, 32 on channel B (default: ${DEFAULT-VALUE})")
    int gain;

    @Option(names = "--config", paramLabel = "FILE.yaml", defaultValue = "${sys:user.home}/.config/isoband/isoband.yaml",
            description = "the config file to write the calibration to (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--seconds", defaultValue = "3", paramLabel = "S", converter = Ranges.StepSeconds.class,
            description = "how long each step averages (default: ${DEFAULT-VALUE} s)")
    double seconds;

    @Option(names = "--band-stiffness", paramLabel = "N/m", converter = Ranges.Stiffness.class,
            description = "stiffness of the band, saved with the calibration (default: the value already in the "
                    + "file, else " + (int) DEFAULT_STIFFNESS + ")")
    Double bandStiffness;

    private BufferedReader in;
    private GpioClock clock = GpioClock.SYSTEM;

    @Override
    public void answersFrom(BufferedReader reader) {
        this.in = reader;
    }

    @Override
    public void clock(GpioClock newClock) {
        this.clock = newClock;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        LogSetup.configure(false);
        Hx711Config hx711 = hx711Config();
        CalibrationYaml.checkWritable(config);
        String existing = Files.isRegularFile(config) ? Files.readString(config) : null;
        double stiffness = bandStiffness != null ? bandStiffness
                : CalibrationYaml.bandStiffness(existing).orElse(DEFAULT_STIFFNESS);
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader answers = in != null ? in : new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));

        SimulatedLoadCell simulated = null;
        RawSensor sensor;
        switch (source) {
            case "sim" -> sensor = simulated = new SimulatedLoadCell(1, rate, clock);
            case "hx711" -> sensor = openHx711(hx711);
            default -> throw new UserError("--source '" + source + "': expected hx711 or sim");
        }
        DoubleConsumer hang = simulated != null ? simulated::hang : newtons -> { };
        CalibrationProcedure.Result result;
        try (sensor) {
            out.println("Calibrating the " + sensor.description() + "; the result goes to " + config + ".");
            result = converse(sensor, hang, new CalibrationProcedure(stiffness), answers, out);
        } catch (SensorException e) {
            throw new UserError(e.getMessage());
        }

        String note = String.format(Locale.ROOT, "isoband calibrate, %s: %.2f N known, noise %.3f N rms",
                LocalDate.now(), result.knownNewtons(), Math.max(result.slackNoiseN(), result.loadedNoiseN()));
        CalibrationYaml.write(config, result.calibration(), note);
        out.println();
        out.println("Saved to " + config + ":");
        for (String line : CalibrationYaml.block(result.calibration(), null)) {
            out.println("  " + line);
        }
        out.printf(Locale.ROOT, "Noise: %.3f N rms with the band slack, %.3f N rms under %.2f N.%n",
                result.slackNoiseN(), result.loadedNoiseN(), result.knownNewtons());
        out.flush();
        return 0;
    }

    private Hx711Config hx711Config() {
        try {
            return Hx711Config.defaults().withPins(dout, sck).withRate(rate).withGain(Hx711Gain.of(gain));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static RawSensor openHx711(Hx711Config hx711) {
        try {
            return Hx711RawSensor.onPi(hx711);
        } catch (GpioUnavailableException e) {
            throw new UserError(e.getMessage() + "; to try calibrate without a Pi: --source sim");
        }
    }

    /** The two steps, asked again until they pass. */
    private CalibrationProcedure.Result converse(RawSensor sensor, DoubleConsumer hang, CalibrationProcedure procedure,
                                                 BufferedReader answers, PrintWriter out)
            throws IOException, SensorException, InterruptedException {
        while (true) {
            ask(out, answers, "Step 1 of 2: let the band hang slack, with nothing pulling on the sensor, and press Enter.");
            hang.accept(0);
            Step slack = measure(sensor, out);
            try {
                procedure.slack(slack);
            } catch (Rejected r) {
                out.println("  Not accepted: " + r.getMessage() + ".");
                continue;
            }
            out.printf(Locale.ROOT, "  Slack: %.1f raw (noise %.1f raw rms).%n", slack.mean(), slack.rms());
            while (true) {
                String answer = ask(out, answers, "Step 2 of 2: hang a known weight from the sensor (or pull with a "
                        + "known force), then enter its mass in kg or its force in N (e.g. 5 kg or 49 N):");
                KnownLoad load;
                try {
                    load = KnownLoad.parse(answer);
                } catch (IllegalArgumentException e) {
                    out.println("  " + e.getMessage() + ".");
                    continue;
                }
                hang.accept(load.newtons());
                Step loaded = measure(sensor, out);
                try {
                    return procedure.loaded(loaded, load.newtons());
                } catch (Rejected r) {
                    out.println("  Not accepted: " + r.getMessage() + ".");
                    if (r.step() == StepName.SLACK) {
                        break;
                    }
                }
            }
        }
    }

    private static String ask(PrintWriter out, BufferedReader answers, String question) throws IOException {
        out.println(question);
        out.flush();
        String line = answers.readLine();
        if (line == null) {
            throw new UserError("calibration cancelled (no more input): nothing was saved");
        }
        return line;
    }

    /** Averages the sensor for --seconds, showing progress each second. */
    private Step measure(RawSensor sensor, PrintWriter out) throws SensorException, InterruptedException {
        out.printf(Locale.ROOT, "  Measuring for %s s:", fmt(seconds));
        out.flush();
        long start = clock.nanoTime();
        long end = start + (long) (seconds * 1e9);
        double[] raws = new double[64];
        int n = 0;
        int shown = 0;
        while (clock.nanoTime() - end < 0) {
            if (n == raws.length) {
                raws = java.util.Arrays.copyOf(raws, n * 2);
            }
            raws[n++] = sensor.next().raw();
            int whole = (int) ((clock.nanoTime() - start) / 1_000_000_000L);
            if (whole > shown) {
                shown = whole;
                out.print(" " + shown + " s");
                out.flush();
            }
        }
        out.println(" - " + n + " readings.");
        return Step.of(java.util.Arrays.copyOf(raws, n));
    }

    private static String fmt(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}
