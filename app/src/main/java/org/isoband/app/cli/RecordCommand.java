package org.isoband.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.isoband.core.trace.TraceCsvWriter;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;
import org.isoband.device.source.SampleSource;
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
            "can be analyzed and replayed. Stops when the source ends, after --seconds, or on Ctrl-C;",
            "what was recorded is kept in every case. Prints progress once a second."
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

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        try (SampleSource src = new SourceSpec(source).open();
             TraceCsvWriter writer = new TraceCsvWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            writer.comment("isoband record --source " + source + " (" + src.description().name() + ")");
            Recording recording = new Recording(writer);
            Thread hook = new Thread(src::stop, "record-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            src.start(recording);
            long deadline = seconds == null ? Long.MAX_VALUE : System.nanoTime() + (long) (seconds * 1e9);
            String told = "";
            while (!recording.ended.await(1, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
                // Why the link is in its state (BlueZ not running, a sensor not advertising), once per change.
                String detail = recording.detail.get();
                if (!detail.isEmpty() && !detail.equals(told)) {
                    err.printf(Locale.ROOT, "record: link %s: %s%n", recording.state.get(), detail);
                }
                told = detail;
                err.printf(Locale.ROOT, "record: %d samples, %.1f s, link %s%n", recording.samples.get(),
                        recording.lastSeconds(), recording.state.get());
            }
            src.stop();
            Runtime.getRuntime().removeShutdownHook(hook);
            if (recording.failure.get() != null) {
                throw new UserError("cannot write " + out + ": " + recording.failure.get().getMessage());
            }
            err.printf(Locale.ROOT, "record: %d samples (%.1f s) written to %s%n", recording.samples.get(),
                    recording.lastSeconds(), out);
        }
        return 0;
    }

    /** Writes samples on the source's thread; a buffered writer keeps that cheap. */
    private static final class Recording implements SampleSink {
        private final TraceCsvWriter writer;
        final AtomicLong samples = new AtomicLong();
        final AtomicReference<LinkState> state = new AtomicReference<>(LinkState.CONNECTING);
        final AtomicReference<String> detail = new AtomicReference<>("");
        final AtomicReference<IOException> failure = new AtomicReference<>();
        final CountDownLatch ended = new CountDownLatch(1);
        private long first = Long.MIN_VALUE;
        private volatile long last;

        Recording(TraceCsvWriter writer) {
            this.writer = writer;
        }

        @Override
        public void sample(long tNanos, double newtons) {
            if (first == Long.MIN_VALUE) {
                first = tNanos;
            }
            last = tNanos;
            try {
                writer.sample((tNanos - first) / 1e9, newtons);
                samples.incrementAndGet();
            } catch (IOException e) {
                failure.compareAndSet(null, e);
                ended.countDown();
            }
        }

        @Override
        public void linkState(LinkState newState, String why) {
            state.set(newState);
            detail.set(why);
            if (newState == LinkState.STOPPED) {
                ended.countDown();
            }
        }

        double lastSeconds() {
            return first == Long.MIN_VALUE ? 0 : (last - first) / 1e9;
        }
    }

}
