package org.recordingrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.DecimalText;

/**
 * The {@code recording-rate} command line. Exit status: 0 on success, 2 on a usage error (an
 * unknown option or method token, a missing or conflicting option, a value that is not a
 * number), 1 on bad data (counts or levels out of range, a bad cell in an input file, a missing
 * file); every error is one line on standard error.
 */
@Command(name = "recording-rate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Crime-recording rates from audited samples: estimates with intervals, all-crime "
                + "estimates weighted by volume, comparisons between inspections, published figures reproduced.",
                "Rates, bounds and margins in CSV and JSON output are fractions in [0, 1]; options that take "
                        + "published figures (--rate, --margin) take percent; text output shows percent."})
public final class Main implements Runnable {

    /**
     * The commands, in the order help lists them. Added to the command line here rather than in the
     * annotation so that a run of one command builds only that command's options: picocli reads every
     * option of every command it is given, which was half of the 0.6 s a command took to start.
     */
    private static final List<Class<?>> COMMANDS = List.of(EstimateCommand.class, CompareCommand.class,
            ReproduceCommand.class, PlanCommand.class, SelectCommand.class, BootstrapCommand.class,
            PermuteCommand.class, ReportCommand.class, PlotCommand.class, CoverageCommand.class, ForcesCommand.class,
            TrendCommand.class, PosteriorCommand.class, CommandLine.HelpCommand.class);

    /** Exit status for bad data. */
    static final int BAD_DATA = 1;
    /** Exit status for a usage error. */
    static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // Standard output as a raw stream, not System.out: System.out swallows write errors, so
        // "> /dev/full" would lose every row and still exit 0. Here a failed write is bad data (exit 1).
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), java.nio.charset.StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(
                new java.io.FileOutputStream(java.io.FileDescriptor.err), java.nio.charset.StandardCharsets.UTF_8), true);
        int status = run(out, err, args);
        out.flush();
        if (status == 0 && out.checkError()) {
            err.println("recording-rate: standard output could not be written (disk full, or the reader closed"
                    + " the pipe): the output is incomplete");
            status = BAD_DATA;
        }
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the command line without exiting (for tests and embedding).
     *
     * @param args the arguments
     * @return the exit status: 0, 1 (bad data) or 2 (usage)
     */
    public static int run(String... args) {
        return execute(commandLine(args), args);
    }

    /**
     * Runs the command line with its output and errors sent to the given writers.
     *
     * @return the exit status
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return execute(commandLine, args);
    }

    /**
     * Executes, first refusing an unknown command: picocli would otherwise answer
     * {@code recording-rate plan --help} with the top-level help and status 0, hiding that there
     * is no such command from scripts that probe for it.
     */
    private static int execute(CommandLine commandLine, String[] args) {
        if (args.length > 0 && !args[0].startsWith("-") && !commandLine.getSubcommands().containsKey(args[0])) {
            commandLine.getErr().println("recording-rate: unknown command '" + args[0] + "': use one of "
                    + String.join(", ", commandLine.getSubcommands().keySet()) + " (see: recording-rate --help)");
            commandLine.getErr().flush();
            return USAGE;
        }
        return commandLine.execute(args);
    }

    /** The configured picocli command line with every command, with the project's error handling. */
    static CommandLine commandLine() {
        return commandLine(COMMANDS);
    }

    /**
     * The command line for these arguments: only the command they name when they start with the name
     * of one (its help, errors and output are the same as with every command present), every command
     * otherwise (top-level help, {@code help}, an unknown name, which needs the list of names).
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                Command annotation = command.getAnnotation(Command.class);
                if (annotation.name().equals(args[0]) && command != CommandLine.HelpCommand.class) {
                    return commandLine(List.of(command));
                }
            }
        }
        return commandLine(COMMANDS);
    }

    private static CommandLine commandLine(List<Class<?>> commands) {
        CommandLine commandLine = new CommandLine(new Main());
        for (Class<?> command : commands) {
            try {
                commandLine.addSubcommand(CommandLine.defaultFactory().create(command));
            } catch (Exception e) {
                throw new IllegalStateException("command " + command.getSimpleName() + " cannot be made", e);
            }
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // numbers are read strictly everywhere: plain decimals as written, never 12d, 0x1p4 or 1e-400 as 0
        commandLine.registerConverter(Double.class, Main::decimalNumber);
        commandLine.registerConverter(Double.TYPE, Main::decimalNumber);
        commandLine.registerConverter(Long.class, Main::wholeNumber);
        commandLine.registerConverter(Long.TYPE, Main::wholeNumber);
        commandLine.registerConverter(Integer.class, Main::smallWholeNumber);
        commandLine.registerConverter(Integer.TYPE, Main::smallWholeNumber);
        commandLine.registerConverter(java.math.BigDecimal.class, Main::decimal);
        TokenConverters.register(commandLine);
        // -V and --version answer on every command, not only at the top
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            versionEverywhere(sub);
        }
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> badData(e, cmd));
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: "
                + String.join(", ", spec.commandLine().getSubcommands().keySet()));
    }

    private static double decimalNumber(String text) {
        try {
            return DecimalText.number(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + DecimalText.printable(text) + "' " + e.getMessage());
        }
    }

    private static java.math.BigDecimal decimal(String text) {
        try {
            return DecimalText.decimal(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + DecimalText.printable(text) + "' " + e.getMessage());
        }
    }

    private static long wholeNumber(String text) {
        try {
            return DecimalText.whole(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + DecimalText.printable(text) + "' " + e.getMessage());
        }
    }

    private static int smallWholeNumber(String text) {
        long value = wholeNumber(text);
        if (value != (int) value) {
            throw new TypeConversionException("'" + text + "' is too large (at most " + Integer.MAX_VALUE + ")");
        }
        return (int) value;
    }

    private static void versionEverywhere(CommandLine command) {
        command.getCommandSpec().versionProvider(new Version());
        for (CommandLine sub : command.getSubcommands().values()) {
            versionEverywhere(sub);
        }
    }

    /**
     * A usage error, one line. An unknown option is named first, even when picocli also misses a
     * required one: {@code report --frobnicate} says that {@code --frobnicate} is unknown, not only
     * that {@code --force} is missing.
     */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = e.getMessage();
        List<String> unmatched = cmd.getUnmatchedArguments();
        if (!(e instanceof UnmatchedArgumentException) && !unmatched.isEmpty()) {
            message = "unknown option or extra argument: " + String.join(" ", unmatched.stream()
                    .map(a -> "'" + a + "'").toList()) + "; " + message;
        }
        err.println("recording-rate: " + message + " (see: " + cmd.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return USAGE;
    }

    private static int badData(Exception e, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + optionNamed(e, cmd));
            err.flush();
            return BAD_DATA;
        }
        // A defect, not the user's input: keep the stack trace for the report.
        err.println(cmd.getCommandSpec().qualifiedName() + ": internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return 3;
    }

    /**
     * The message of a domain error in the user's words: when a bad argument has an option of the
     * command spelled after it ({@code moreThan} is {@code --more-than}, {@code confidence} is
     * {@code --confidence}) and the message opens with the argument's name, the option's name replaces
     * it, so that {@code reproduce --more-than -5} blames {@code --more-than}, not {@code moreThan}.
     */
    static String optionNamed(Exception e, CommandLine cmd) {
        String message = e.getMessage();
        if (e instanceof ArgumentException bad && bad.argument() != null && message != null
                && message.startsWith(bad.argument())) {
            String option = "--" + bad.argument().replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace(' ', '-')
                    .toLowerCase(java.util.Locale.ROOT);
            if (cmd.getCommandSpec().findOption(option) != null) {
                return option + message.substring(bad.argument().length());
            }
        }
        return message;
    }

    /** Reads the version Maven wrote into version.properties. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"recording-rate " + properties.getProperty("version", "(development)")};
        }
    }
}
