package org.isoband.device.sim;

import java.util.List;

/**
 * What a scenario lays out: the reps, how the leg moves between angles, and which part the recording keeps.
 *
 * @param reps         the contractions, in time order
 * @param angleChangeS how long moving the leg to the next angle takes
 * @param recordFromS  the recording starts here (inside a rep when a scenario cuts one)
 * @param recordToS    and ends here ({@code +Infinity}: a few seconds after the last rep)
 * @param staleHead    the recording begins with 0.2 s of stale samples stamped later than what follows
 *                     (an export whose clock restarts at the real start)
 */
public record Plan(List<RepPlan> reps, double angleChangeS, double recordFromS, double recordToS, boolean staleHead) {

    public Plan {
        reps = List.copyOf(reps);
    }

    /** A rep the recording starts or ends inside. */
    public boolean truncates(RepPlan r) {
        return r.startS() < recordFromS || r.endS() > recordToS;
    }
}
