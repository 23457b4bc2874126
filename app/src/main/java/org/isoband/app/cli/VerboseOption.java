package org.isoband.app.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, declared once for every command that starts something (picocli mixin). */
final class VerboseOption {
    @Option(names = "--verbose", description = "debug logging")
    boolean verbose;

    /** One line per log event on stderr; debug lines and stack traces only with {@code --verbose}. */
    void configureLogging() {
        LogSetup.configure(verbose);
    }
}
