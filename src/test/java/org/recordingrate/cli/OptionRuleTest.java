package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * One option rule (issue 16, item 3): the shared options declared once, method tokens read by one
 * converter, the same bad value the same exit status in every command, usage errors naming the
 * culprit, help that prints cleanly and a version on every command.
 */
class OptionRuleTest {

    private static final String PEEL = "examples/data/peel-2022.csv";
    private static final String CDI = "examples/data/cdi-2017.csv";

    /** Each shared option is declared in exactly one place among the command-line sources. */
    @Test
    void sharedOptionsAreDeclaredOnce() throws IOException {
        Map<String, Integer> declared = new java.util.TreeMap<>();
        Pattern option = Pattern.compile("names = \\{?\"(--[a-z-]+)\"");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/recordingrate/cli"))) {
            for (Path file : files.toList()) {
                Matcher m = option.matcher(Files.readString(file));
                while (m.find()) {
                    declared.merge(m.group(1), 1, Integer::sum);
                }
            }
        }
        // --method, --test, --adjust, --replicates, --seed and --audited (plan: the counts to plan) mean different things (or have different
        // defaults) in different commands; --format and --out of report and plot write documents and pictures
        for (String shared : List.of("--confidence", "--significance", "--alternative", "--precision", "--variance",
                "--recorded", "--digits", "--columns", "--before", "--after", "--threads", "--units")) {
            assertEquals(1, declared.getOrDefault(shared, 0), shared + " declared once: " + declared);
        }
    }

    /**
     * A run of one command builds only that command (Main.commandLine(args)), for start-up time: its help (and
     * every subcommand's), options and defaults are exactly those of the same command built among all.
     */
    @Test
    void oneCommandBuiltAloneIsTheSameAsAmongAll() {
        CommandLine all = Main.commandLine();
        for (Map.Entry<String, CommandLine> entry : all.getSubcommands().entrySet()) {
            if (entry.getKey().equals("help")) {
                assertEquals(all.getSubcommands().size(), Main.commandLine(new String[] {"help"}).getSubcommands().size(),
                        "help lists every command");
                continue;
            }
            CommandLine alone = Main.commandLine(new String[] {entry.getKey(), "--help"});
            assertEquals(List.of(entry.getKey()), List.copyOf(alone.getSubcommands().keySet()));
            List<List<String>> paths = new ArrayList<>();
            collect(entry.getValue(), new ArrayList<>(), paths);
            for (List<String> path : paths) {
                CommandLine among = entry.getValue();
                CommandLine single = alone.getSubcommands().get(entry.getKey());
                for (String name : path) {
                    among = among.getSubcommands().get(name);
                    single = single.getSubcommands().get(name);
                }
                assertEquals(among.getUsageMessage(), single.getUsageMessage(), entry.getKey() + " " + path);
            }
        }
        assertEquals(all.getSubcommands().size(), Main.commandLine(new String[] {"--help"}).getSubcommands().size());
        assertEquals(all.getSubcommands().size(), Main.commandLine(new String[] {"frobnicate"}).getSubcommands().size());
    }

    /** Every command and subcommand prints its help without a picocli warning, and its version. */
    @Test
    void everyCommandHasCleanHelpAndAVersion() {
        List<List<String>> commands = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), commands);
        assertTrue(commands.size() >= 10, commands.toString());
        for (List<String> command : commands) {
            for (String flag : List.of("--help", "--version", "-V")) {
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                // picocli reports a help text it cannot format on System.err, not on the command's writer
                java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
                java.io.PrintStream original = System.err;
                System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
                CliRun run;
                try {
                    run = CliRun.of(args.toArray(new String[0]));
                } finally {
                    System.setErr(original);
                }
                assertEquals(0, run.status(), args + ": " + run);
                String all = run.out() + run.err() + warnings.toString(java.nio.charset.StandardCharsets.UTF_8);
                assertFalse(all.contains("WARN") || all.contains("%n"), args + ": " + all);
                if (!flag.equals("--help")) {
                    assertTrue(run.out().startsWith("recording-rate "), args + " prints the version: " + run);
                }
            }
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> all) {
        all.add(path);
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            if (sub.getKey().equals("help")) {
                continue;
            }
            List<String> longer = new ArrayList<>(path);
            longer.add(sub.getKey());
            collect(sub.getValue(), longer, all);
        }
    }

    @Test
    void anUnknownOptionIsNamedEvenWhenARequiredOneIsMissing() {
        CliRun run = CliRun.of("report", "--frobnicate");
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("'--frobnicate'"), run.toString());
        CliRun estimate = CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--frobnicate");
        assertEquals(2, estimate.status(), estimate.toString());
        assertTrue(estimate.err().contains("--frobnicate"), estimate.toString());
    }

    @Test
    void extraFilesAreUsageErrorsNamingThem() {
        String[][] cases = {
            {"bootstrap", PEEL, CDI, PEEL, "--replicates", "100"},
            {"permute", CDI, PEEL, CDI},
            {"report", CDI, PEEL, CDI, PEEL, "--force", "x"},
            {"compare", CDI, PEEL, CDI},
        };
        for (String[] args : cases) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.status(), String.join(" ", args) + ": " + run);
            assertTrue(run.err().contains("too many files"), run.toString());
        }
    }

    /** A level given as a percentage is refused with a hint, exit 1, in every command that takes one. */
    @Test
    void aConfidenceInPercentIsTheSameErrorEverywhere() {
        String[][] commands = {
            {"estimate", "--recorded", "188", "--audited", "202"},
            {"compare", "--before", "512/640", "--after", "188/202"},
            {"reproduce", "--rate", "93.2", "--margin", "2.3"},
            {"plan", "--margin", "2.5", "--expected", "90"},
            {"bootstrap", "--recorded", "188", "--audited", "202", "--replicates", "100"},
            {"report", CDI, PEEL, "--force", "x"},
        };
        for (String[] command : commands) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--confidence", "95"));
            CliRun run = CliRun.of(args.toArray(new String[0]));
            assertEquals(1, run.status(), args + ": " + run);
            assertTrue(run.err().contains("--confidence (95)") && run.err().contains("0.95"), args + ": " + run);
        }
        for (String[] command : new String[][] {commands[1], commands[2], commands[5],
            {"plan", "--previous", "512/640", "--detect", "5", "--power", "0.8"}}) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--significance", "5"));
            CliRun run = CliRun.of(args.toArray(new String[0]));
            assertEquals(1, run.status(), args + ": " + run);
            assertTrue(run.err().contains("--significance (5)") && run.err().contains("0.05"), args + ": " + run);
        }
    }

    /** One-sided levels start at 0.5: a bound at 0.3 would hold less often than not. */
    @Test
    void oneSidedLevelsBelowAHalfAreRefused() {
        for (String level : new String[] {"0.3", "0.5"}) {
            CliRun run = CliRun.of("plan", "--upper-bound", "5", "--confidence", level);
            assertEquals(1, run.status(), run.toString());
            assertTrue(run.err().contains("--confidence (" + level + ")") && run.err().contains("0.5 and 1"),
                    run.toString());
        }
        assertEquals(0, CliRun.of("plan", "--upper-bound", "5", "--confidence", "0.9").status());
    }

    /** An impossible tally is bad data (1) naming the option in every command; a malformed one is usage (2). */
    @Test
    void theSameImpossibleTallyIsTheSameErrorEverywhere() {
        String[][] commands = {
            {"compare", "--before", "641/640", "--after", "188/202"},
            {"bootstrap", "--before", "641/640", "--after", "188/202", "--replicates", "100"},
            {"permute", "--before", "641/640", "--after", "188/202"},
            {"plan", "--previous", "641/640", "--detect", "5", "--power", "0.8"},
        };
        for (String[] args : commands) {
            CliRun run = CliRun.of(args);
            assertEquals(1, run.status(), String.join(" ", args) + ": " + run);
            assertTrue(run.err().contains(args[1] + " 641/640: recorded (641) must not exceed audited (640)"),
                    run.toString());
            String[] malformed = args.clone();
            malformed[2] = "64x/640";
            CliRun usage = CliRun.of(malformed);
            assertEquals(2, usage.status(), String.join(" ", malformed) + ": " + usage);
            assertTrue(usage.err().contains(args[1]), usage.toString());
        }
    }

    /** Unknown tokens are usage errors listing the valid ones, read by the one converter. */
    @Test
    void unknownTokensAreUsageErrorsListingTheValidOnes() {
        Object[][] cases = {
            {new String[] {"compare", "--before", "512/640", "--after", "188/202", "--alternative", "up"}, "improved"},
            {new String[] {"compare", CDI, PEEL, "--adjust", "sidak"}, "holm"},
            {new String[] {"estimate", PEEL, "--variance", "srs"}, "survey"},
            {new String[] {"bootstrap", "--recorded", "1", "--audited", "2", "--interval", "bcx"}, "bca"},
            {new String[] {"permute", CDI, PEEL, "--enumerate", "sometimes"}, "never"},
            {new String[] {"plan", "--margin", "3", "--expected", "90", "--method", "wilsom"}, "wilson"},
            {new String[] {"report", CDI, PEEL, "--force", "x", "--test", "t_test"}, "z_unpooled"},
            {new String[] {"estimate", "--recorded", "1", "--audited", "2", "--method", "wilsom"}, "clopper_pearson"},
        };
        for (Object[] c : cases) {
            String[] args = (String[]) c[0];
            CliRun run = CliRun.of(args);
            assertEquals(2, run.status(), String.join(" ", args) + ": " + run);
            assertTrue(run.err().contains((String) c[1]), "lists the valid tokens: " + run);
        }
        // aliases read through the same rule: R's and scipy's names, and any case or dash
        assertEquals(0, CliRun.of("compare", "--before", "512/640", "--after", "188/202", "--alternative",
                "greater").status());
        assertEquals(0, CliRun.of("compare", CDI, PEEL, "--adjust", "BH").status());
        assertEquals(0, CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--method", "Clopper-Pearson")
                .status());
    }

    /** A domain error about an argument the user typed as an option names the option. */
    @Test
    void domainErrorsNameTheOptionTyped() {
        CliRun run = CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--volume", "-5");
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("--volume (-5)"), run.toString());
    }
}
