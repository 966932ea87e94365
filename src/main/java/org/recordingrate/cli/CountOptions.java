package org.recordingrate.cli;

import org.recordingrate.model.Tally;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --recorded N --audited N} pair of one tally, declared once for {@code estimate} and {@code bootstrap}. */
final class CountOptions {

    @Option(names = "--recorded", paramLabel = "N", description = "Audited reports recorded as crimes.")
    Long recorded;

    @Option(names = "--audited", paramLabel = "N", description = "Reports audited.")
    Long audited;

    /** Whether either was given. */
    boolean given() {
        return recorded != null || audited != null;
    }

    /** Checks that both were given: a usage error otherwise. */
    void checkBoth(CommandSpec spec) {
        if (given() && (recorded == null || audited == null)) {
            throw Cli.usage(spec, "--recorded and --audited go together");
        }
    }

    /**
     * The tally.
     *
     * @return recorded of audited
     * @throws IllegalArgumentException (bad data) for impossible counts, naming them
     */
    Tally tally() {
        return new Tally(recorded, audited);
    }
}
