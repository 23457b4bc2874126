package org.isoband.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code isoband} command line: the program's entry point. */
@Command(
        name = "isoband",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Sensor-connected trainer for isometric band holds.",
            "",
            "A force sensor in a resistance band streams to this gateway, which sees each contraction,",
            "judges whether it was a true isometric hold, times it, coaches the plan and publishes every",
            "rep over MQTT. Start with 'isoband demo'."
        },
        subcommands = {
            RunCommand.class,
            AnalyzeCommand.class,
            SimulateCommand.class,
            RecordCommand.class,
            ScanCommand.class,
            ConfigCommand.class,
            DoctorCommand.class,
            DemoCommand.class,
            CalibrateCommand.class,
            DashboardCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 done, 1 failed, 2 bad input or usage.",
            "Run 'isoband help COMMAND' for a command's options."
        })
public final class IsobandCommand implements Runnable {
    static {
        // Before any logger exists: the closing lines logged during a SIGTERM must reach stderr (LogsUntilExit).
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", LogsUntilExit.class.getName());
        }
    }


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } finally {
            // picocli's own writers buffer; main() exits right after, so 'config example > file' was empty.
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    /** Runs the command line writing to {@code out} and {@code err} (tests capture them this way). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    /**
     * Runs the command line reading the answers of interactive commands ({@code calibrate}) from {@code in}
     * instead of the standard input.
     */
    public static int run(java.io.BufferedReader in, java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return run(in, null, out, err, args);
    }

    /** As {@link #run(java.io.BufferedReader, java.io.PrintWriter, java.io.PrintWriter, String...)}, timed by {@code clock}. */
    public static int run(java.io.BufferedReader in, org.isoband.device.gpio.GpioClock clock, java.io.PrintWriter out,
                          java.io.PrintWriter err, String... args) {
        CommandLine cl = commandLine().setOut(out).setErr(err);
        cl.getSubcommands().values().stream().map(CommandLine::getCommand)
                .filter(Interactive.class::isInstance).forEach(c -> {
                    ((Interactive) c).answersFrom(in);
                    if (clock != null) {
                        ((Interactive) c).clock(clock);
                    }
                });
        return cl.execute(args);
    }

    private static CommandLine commandLine() {
        // Descriptions are written for 100 columns; wider terminals get them unwrapped.
        CommandLine cl = new CommandLine(new IsobandCommand()).setExecutionExceptionHandler(new UserErrorHandler())
                .setUsageHelpWidth(100).setUsageHelpAutoWidth(true);
        return cl.setParameterExceptionHandler(new OptionErrorHandler(cl.getParameterExceptionHandler()));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
