package org.isoband.gateway.cli;

import org.isoband.core.trace.TraceFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the user's mistakes into one clear line on stderr with exit code 2; anything else is a bug of ours
 * and keeps its stack trace (exit code 1).
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) throws Exception {
        if (e instanceof UserError || e instanceof TraceFormatException) {
            cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
            return BAD_INPUT;
        }
        throw e;
    }
}
