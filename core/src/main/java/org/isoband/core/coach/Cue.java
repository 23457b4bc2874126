package org.isoband.core.coach;

/** One thing the coach says, when it said it. */
public record Cue(CueKind kind, String text, long tNanos) {
}
