/**
 * The simulated band: a physical model of an athlete holding a resistance band (rest tension by hip angle,
 * ramps, tremor, fatigue, and faults on request: a moving leg, an early release, a wobble, a dropout) read
 * by a model of a sensor (rate, jitter, loss, noise, resolution). Deterministic for a seed.
 */
package org.isoband.device.sim;
