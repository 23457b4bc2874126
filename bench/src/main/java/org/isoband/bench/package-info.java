/**
 * Performance benchmarks of the hold detector: the JMH benchmark {@link org.isoband.bench.DetectorBenchmark}
 * (time and bytes allocated per sample in steady state), the synthetic force signals it feeds
 * ({@link org.isoband.bench.ForceSignal}, {@link org.isoband.bench.Sessions}), and
 * {@link org.isoband.bench.WriteTrace}, which writes a long recording in the analyze CSV format for timing
 * {@code isoband analyze} end to end ({@code bench/analyze-1h.sh}). Nothing here runs during the build.
 */
package org.isoband.bench;
