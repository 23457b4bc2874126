package org.isoband.app.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.isoband.core.trace.TraceFormatException;
import org.isoband.dashboard.DashboardException;
import org.isoband.gateway.runtime.SensorUnavailableException;
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
        if (e instanceof UserError || e instanceof TraceFormatException || e instanceof SensorUnavailableException
                || e instanceof DashboardException) {
            cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof FileSystemException f) {
            // A path the user gave that cannot be opened: a missing folder, no permission, a full disk.
            cmd.getErr().println(cmd.getCommandName() + ": " + f.getFile() + ": " + reason(f));
            return BAD_INPUT;
        }
        throw e;
    }

    private static String reason(FileSystemException f) {
        if (f.getReason() != null) {
            return f.getReason();
        }
        if (f instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        return f.getClass().getSimpleName();
    }
}
