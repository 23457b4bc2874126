package org.isoband.device.replay;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isoband.core.trace.TraceCsv;
import org.isoband.core.trace.TraceFormatException;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;
import org.isoband.device.source.SourceDescription;
import org.isoband.device.source.TimedSource;

/**
 * Plays a recording in the analyze CSV format as a sample source, at real speed or faster. Times are taken
 * relative to the first sample. A file that cannot be read ends the replay with link state STOPPED and the
 * reason (file, line, field) as its detail.
 */
public final class ReplaySource extends TimedSource {
    private final Path file;

    public ReplaySource(Path file, double speed, double nominalHz) {
        super(new SourceDescription("Recording " + file.getFileName(), "replay", nominalHz), speed);
        this.file = file;
    }

    @Override
    protected void play(SampleSink sink) {
        long[] first = {Long.MIN_VALUE};
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            TraceCsv.read(reader, file.toString(), (tNanos, newtons) -> {
                if (first[0] == Long.MIN_VALUE) {
                    first[0] = tNanos;
                }
                deliver(sink, (tNanos - first[0]) / 1e9, newtons);
            });
        } catch (TraceFormatException e) {
            sink.linkState(LinkState.STOPPED, e.getMessage());
        } catch (IOException e) {
            sink.linkState(LinkState.STOPPED, file + ": cannot read: " + e.getMessage());
        }
    }
}
