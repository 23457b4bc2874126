package org.isoband.gateway.session;

import java.time.Instant;
import org.isoband.core.coach.PlanPosition;

/** A session as the journal last saved it. */
public record SavedSession(String id, Instant started, Instant updated, PlanPosition position) {
}
