/**
 * The coach: the training plan, where the athlete is in it, and what to tell them (cues, reasons for failed
 * reps, rest countdowns, the safety notice). Pure logic fed with time, detector phases and reps, and the
 * athlete's commands; the gateway draws its view and saves its position.
 */
package org.isoband.core.coach;
