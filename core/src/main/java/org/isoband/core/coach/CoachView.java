package org.isoband.core.coach;

/**
 * Everything the display needs to draw the coach's screen at one moment.
 *
 * @param state          what the coach waits for
 * @param leg            the leg in hand
 * @param angleIndex     0-based hip angle
 * @param angleCount     hip angles in the plan
 * @param angleName      e.g. "closest to the torso"
 * @param rep            1-based rep at this angle
 * @param repsPerAngle   reps wanted at this angle
 * @param attempt        1-based attempt at this rep
 * @param held           held reps in the session so far
 * @param totalReps      held reps the session asks for
 * @param holdTargetS    the hold target
 * @param restLeftS      seconds of rest left (0 unless resting)
 * @param restTotalS     length of the rest in progress
 * @param message        the last thing said, for the screen (never null)
 * @param lastReason     why the last rep did not count, or null
 * @param question       what the coach asks before a skip or an end, if anything
 * @param autostartInS   seconds until the plan starts by itself; negative when it will not
 * @param target         the force band to aim for, when the plan has one
 * @param summary        the session so far (the end-of-session screen shows it)
 */
public record CoachView(
        CoachState state,
        Leg leg,
        int angleIndex,
        int angleCount,
        String angleName,
        int rep,
        int repsPerAngle,
        int attempt,
        int held,
        int totalReps,
        double holdTargetS,
        double restLeftS,
        double restTotalS,
        String message,
        String lastReason,
        Question question,
        double autostartInS,
        java.util.Optional<ForceTarget> target,
        SessionSummary summary) {
}
