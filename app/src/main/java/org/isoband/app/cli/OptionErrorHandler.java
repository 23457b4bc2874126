package org.isoband.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * An option value out of its range ({@link Ranges}) is one line naming the command and the option, with exit
 * code 2, like every other user mistake; any other command line mistake keeps picocli's message and usage.
 */
final class OptionErrorHandler implements IParameterExceptionHandler {
    private final IParameterExceptionHandler picocli;

    OptionErrorHandler(IParameterExceptionHandler picocli) {
        this.picocli = picocli;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) throws Exception {
        if (e.getCause() instanceof Ranges.OutOfRange range && e.getArgSpec() instanceof OptionSpec option) {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println(cmd.getCommandName() + ": " + option.longestName() + " " + range.getMessage());
            return UserErrorHandler.BAD_INPUT;
        }
        return picocli.handleParseException(e, args);
    }
}
