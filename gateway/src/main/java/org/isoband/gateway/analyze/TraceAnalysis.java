package org.isoband.gateway.analyze;

import java.util.List;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.SampleCounters;

/**
 * The result of analyzing one recording.
 *
 * @param source    file name, for messages
 * @param samples   what was read (times and forces), or null when not kept
 * @param reps      the contractions found, in order
 * @param counters  samples accepted and dropped by the detector
 * @param holdTargetS the hold target the reps were judged by
 * @param notes     what the reader noticed and the user should hear once: a clock that restarted, a line
 *                  skipped, a time out of line (each note one line, naming the file and line)
 */
public record TraceAnalysis(String source, RecordedTrace samples, List<RepEvent> reps, SampleCounters counters,
                            double holdTargetS, List<String> notes) {

    public TraceAnalysis {
        reps = List.copyOf(reps);
        notes = List.copyOf(notes);
    }

    public long count(org.isoband.core.detect.Verdict verdict) {
        return reps.stream().filter(r -> r.verdict() == verdict).count();
    }
}
