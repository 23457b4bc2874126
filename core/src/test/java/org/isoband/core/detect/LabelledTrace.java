package org.isoband.core.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.isoband.core.trace.TraceCsv;
import org.isoband.core.trace.TraceFormatException;

/** A recording from src/test/resources/traces with its labels, and the detector's reps for it. */
record LabelledTrace(String name, List<Label> labels, List<RepEvent> detected) {

    record Label(double startS, double endS, double steadyS, Verdict verdict) {
    }

    /** A labelled rep and the detected rep that overlaps it most (null when none does). */
    record Match(Label label, RepEvent rep) {
        double steadyError() {
            return rep == null ? Double.NaN : Math.abs(rep.steadySeconds() - label.steadyS());
        }
    }

    static LabelledTrace load(String name, DetectorConfig config) {
        List<RepEvent> reps = new ArrayList<>();
        HoldDetector detector = new HoldDetector(config, reps::add);
        try (InputStream csv = resource(name + ".csv"); InputStream json = resource(name + ".json")) {
            TraceCsv.read(new InputStreamReader(csv, StandardCharsets.UTF_8), name + ".csv", detector::accept);
            detector.finish();
            List<Label> labels = new ArrayList<>();
            for (JsonNode r : new ObjectMapper().readTree(json).get("reps")) {
                labels.add(new Label(r.get("start_s").asDouble(), r.get("end_s").asDouble(),
                        r.get("steady_s").asDouble(), Verdict.valueOf(r.get("verdict").asText())));
            }
            return new LabelledTrace(name, labels, reps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TraceFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = LabelledTrace.class.getResourceAsStream("/traces/" + file);
        if (in == null) {
            throw new IllegalArgumentException("no test resource traces/" + file);
        }
        return in;
    }

    List<Match> matches() {
        List<Match> out = new ArrayList<>();
        for (Label label : labels) {
            RepEvent best = null;
            double bestOverlap = 0;
            for (RepEvent rep : detected) {
                double overlap = Math.min(label.endS(), rep.endSeconds()) - Math.max(label.startS(), rep.startSeconds());
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    best = rep;
                }
            }
            out.add(new Match(label, best));
        }
        return out;
    }

    /** Detected reps that overlap no labelled rep. */
    List<RepEvent> extras() {
        List<RepEvent> used = matches().stream().map(Match::rep).toList();
        return detected.stream().filter(r -> !used.contains(r)).toList();
    }

    String report() {
        StringBuilder sb = new StringBuilder(name).append('\n');
        for (Match m : matches()) {
            Label l = m.label();
            RepEvent r = m.rep();
            sb.append(String.format("  label %7.2f-%7.2f %6.2fs %-9s | ", l.startS(), l.endS(), l.steadyS(), l.verdict()));
            sb.append(r == null ? "MISSING" : String.format("got %7.2f-%7.2f %6.2fs %-9s%s", r.startSeconds(),
                    r.endSeconds(), r.steadySeconds(), r.verdict(), r.verdict() == l.verdict() ? "" : "  <-- WRONG"));
            sb.append('\n');
        }
        for (RepEvent r : extras()) {
            sb.append(String.format("  EXTRA %7.2f-%7.2f %6.2fs %s%n", r.startSeconds(), r.endSeconds(),
                    r.steadySeconds(), r.verdict()));
        }
        return sb.toString();
    }
}
