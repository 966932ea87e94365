package org.recordingrate.cli;

import picocli.CommandLine.Option;

/**
 * {@code --units percent|fraction}, declared once for every command that takes published figures or
 * planning targets: they are given in percent, as published (93.2 for 93.2%), unless
 * {@code --units fraction} says they are fractions (0.932), which is also how to give a value truly
 * below 1 percent. Without it, values that all look like fractions are refused with the units rule's
 * one hint (the library's {@code Units}).
 */
final class UnitsOption {

    /** How figures are given. */
    enum Units {
        /** As published: 93.2 for 93.2%. */
        PERCENT,
        /** As fractions: 0.932 for 93.2% (also the way to give a rate below 1%). */
        FRACTION
    }

    @Option(names = "--units", defaultValue = "percent", paramLabel = "percent|fraction",
            description = "How published rates, margins and planning targets are given (default: ${DEFAULT-VALUE},"
                    + " as published); fraction is also how to give one truly below 1 percent.")
    Units units;

    /** Whether the figures are fractions. */
    boolean fractions() {
        return units == Units.FRACTION;
    }
}
