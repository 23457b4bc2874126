package org.isoband.core.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the session came to, for the end-of-session screen and the closing line: held and tried reps per leg
 * and hip angle (in plan order), the longest steady hold, and one thing to do next time.
 *
 * @param cells        one per leg and angle that was reached, in plan order
 * @param held         held reps in the session
 * @param tried        judged reps (held or not; skipped reps are not tries)
 * @param totalReps    held reps the plan asks for
 * @param longestHoldS the longest steady stretch of any rep, seconds
 * @param endedEarly   the athlete ended the session before the plan was done
 * @param nextTime     one sentence of advice for the next session
 */
public record SessionSummary(List<Cell> cells, int held, int tried, int totalReps, double longestHoldS,
                             boolean endedEarly, String nextTime) {

    public SessionSummary {
        cells = List.copyOf(cells);
    }

    /** Held and tried reps of one leg at one hip angle. */
    public record Cell(Leg leg, int angleIndex, String angleName, int held, int tried, double longestS) {
    }

    public int held(Leg leg) {
        return cells.stream().filter(c -> c.leg() == leg).mapToInt(Cell::held).sum();
    }

    public int tried(Leg leg) {
        return cells.stream().filter(c -> c.leg() == leg).mapToInt(Cell::tried).sum();
    }

    /** The summary as plain lines, for the terminal and the log after the session. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%d of %d reps held (%d tried)%s, longest hold %.1f s", held, totalReps,
                tried, endedEarly ? ", ended early" : "", longestHoldS));
        for (Leg leg : Leg.values()) {
            StringBuilder sb = new StringBuilder(leg.label()).append(String.format(Locale.ROOT, " %d/%d:", held(leg), tried(leg)));
            boolean any = false;
            for (Cell c : cells) {
                if (c.leg() == leg) {
                    sb.append(String.format(Locale.ROOT, " %s %d/%d", c.angleName(), c.held(), c.tried()));
                    any = true;
                }
            }
            if (any) {
                lines.add(sb.toString());
            }
        }
        lines.add(nextTime);
        return lines;
    }
}
