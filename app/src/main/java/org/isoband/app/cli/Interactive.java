package org.isoband.app.cli;

import java.io.BufferedReader;

/**
 * A subcommand that asks the user questions. picocli carries the output streams but not an input, so the
 * command line hands the reader to such commands itself ({@link IsobandCommand#run(BufferedReader,
 * java.io.PrintWriter, java.io.PrintWriter, String...)}); tests pass their answers this way.
 */
interface Interactive {

    /** Where the answers come from; the standard input unless set. */
    void answersFrom(BufferedReader in);

    /**
     * The clock that paces what the command measures while the user waits; the system's unless set. Tests pass
     * one that moves only when slept on, so an average "over 3 seconds" is exact under any load.
     */
    default void clock(org.isoband.device.gpio.GpioClock clock) {
    }
}
