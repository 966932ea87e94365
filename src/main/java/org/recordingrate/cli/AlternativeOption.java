package org.recordingrate.cli;

import org.recordingrate.compare.Alternative;

import picocli.CommandLine.Option;

/**
 * {@code --alternative}, declared once for every command that tests a change: read by the token
 * converter registered for every {@link org.recordingrate.model.Token} enum ({@link TokenConverters}),
 * so R's and scipy's {@code greater} and {@code less} are read too.
 */
final class AlternativeOption {

    @Option(names = "--alternative", defaultValue = "two_sided", paramLabel = "two_sided|improved|deteriorated",
            description = "Alternative hypothesis, the change being later minus earlier (default: ${DEFAULT-VALUE}); "
                    + "greater and less are read as improved and deteriorated.")
    Alternative value;
}
