/**
 * The coach: the training plan, where the athlete is in it, and what to tell them (cues, reasons for failed
 * reps, rest countdowns, the safety notice). Pure logic fed with time, detector phases and reps, and the
 * athlete's commands; the gateway draws its view and saves its position. {@link org.isoband.core.coach.StrengthCoach}
 * adds strength in front of the {@link org.isoband.core.coach.Coach}: a maximum test per leg and hip angle (best
 * 1 s plateau of a few maximal pulls) and a force zone as a share of it, with its cues and each rep's time in it.
 */
package org.isoband.core.coach;
