package org.isoband.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the isoband command line, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = IsobandCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A run whose interactive questions are answered by the lines of {@code input}. */
    static CliRun withInput(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = IsobandCommand.run(new java.io.BufferedReader(new java.io.StringReader(input)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** As {@link #withInput}, with the command's measurements timed by {@code clock} instead of real time. */
    static CliRun withInput(String input, org.isoband.device.gpio.GpioClock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = IsobandCommand.run(new java.io.BufferedReader(new java.io.StringReader(input)), clock,
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
