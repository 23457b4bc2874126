/**
 * The one interface every sensor is seen through: {@link org.isoband.device.source.SampleSource} delivers
 * samples and link states to a {@link org.isoband.device.source.SampleSink} on its own thread.
 */
package org.isoband.device.source;
