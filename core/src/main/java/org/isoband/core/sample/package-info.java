/**
 * Sensor readings as plain values: {@link org.isoband.core.sample.Sample} and the
 * {@link org.isoband.core.sample.Calibration} that turns raw readings into newtons.
 */
package org.isoband.core.sample;
