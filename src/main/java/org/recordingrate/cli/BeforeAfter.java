package org.recordingrate.cli;

import org.recordingrate.model.Tally;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --before X/N --after X/N} pair of tallies that {@code compare}, {@code bootstrap} and {@code permute} take. */
final class BeforeAfter {

    @Option(names = "--before", paramLabel = "X/N", description = "The earlier tally, e.g. 512/640.")
    String before;

    @Option(names = "--after", paramLabel = "X/N", description = "The later tally, e.g. 188/202.")
    String after;

    /** Whether either was given. */
    boolean given() {
        return before != null || after != null;
    }

    /** Checks that both were given: a usage error otherwise. */
    void checkBoth(CommandSpec spec) {
        if (given() && (before == null || after == null)) {
            throw Cli.usage(spec, "--before and --after go together");
        }
    }

    Tally before(CommandSpec spec) {
        return Cli.tally(spec, "--before", before);
    }

    Tally after(CommandSpec spec) {
        return Cli.tally(spec, "--after", after);
    }
}
