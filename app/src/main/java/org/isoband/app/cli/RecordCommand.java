package org.isoband.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.time.Duration;
import org.isoband.device.source.SampleSource;
import org.isoband.gateway.record.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code isoband record}: writes what a sample source delivers as a recording that replay and analyze read. */
@Command(
        name = "record",
        header = "Record what a sensor delivers into a CSV file that analyze and replay read.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Record what a sensor delivers into a CSV file (the analyze format), so that real sessions",
            "can be analyzed and replayed. Stops when the source ends, after --seconds, on Ctrl-C, or",
            "when no sample has come for --give-up seconds (a sensor that is off or out of range, no",
            "Bluetooth); what was recorded is kept in every case. The file is created with the first",
            "sample. Prints progress, and why the link waits, once a second. Exit code 1 when nothing",
            "was recorded."
        },
        footer = {"", "Examples:", "  isoband record --source sim:set:7 --seconds 60 --out set.csv",
            "  isoband record --source ble:isoband-1A2B --out hold.csv"})
final class RecordCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "where to write the recording")
    Path out;

    @Option(names = "--source", defaultValue = "sim", paramLabel = "SOURCE",
            description = "what to record: " + SourceSpec.HELP + " (default: ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--seconds", paramLabel = "N", converter = Ranges.PositiveSeconds.class,
            description = "stop after this many seconds")
    Double seconds;

    @Option(names = "--give-up", defaultValue = "30", paramLabel = "S", converter = Ranges.PositiveSeconds.class,
            description = "give up when no sample has come for this many seconds: a sensor switched off, out of "
                    + "range, or no Bluetooth (default: ${DEFAULT-VALUE})")
    double giveUp;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Recorder.Outcome result;
        try (SampleSource src = new SourceSpec(source).open()) {
            Recorder recorder = new Recorder(out, "isoband record --source " + source + " (" + src.description().name() + ")");
            Thread hook = new Thread(() -> {
                try {
                    recorder.stop(Duration.ofSeconds(3));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "record-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                result = recorder.record(src, seconds == null ? null : Duration.ofNanos((long) (seconds * 1e9)),
                        Duration.ofNanos((long) (giveUp * 1e9)), err);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is what ended the recording
                }
            }
        }
        if (result.failure() != null) {
            throw new UserError("cannot write " + out + ": " + result.failure().getMessage());
        }
        String link = "link " + result.state() + (result.detail().isEmpty() ? "" : ": " + result.detail());
        if (result.samples() == 0) {
            err.printf(Locale.ROOT, "record: nothing recorded (%s)%s; no file written%n", link,
                    result.end() == Recorder.End.GAVE_UP ? String.format(Locale.ROOT, ", gave up after %s s without a sample",
                            fmt(giveUp)) : "");
            return 1;
        }
        if (result.end() == Recorder.End.GAVE_UP) {
            err.printf(Locale.ROOT, "record: gave up after %s s without a sample (%s)%n", fmt(giveUp), link);
        }
        err.printf(Locale.ROOT, "record: %d samples (%.1f s) written to %s%n", result.samples(), result.seconds(), out);
        return 0;
    }

    private static String fmt(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}
