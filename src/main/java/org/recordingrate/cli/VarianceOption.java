package org.recordingrate.cli;

import org.recordingrate.estimate.VarianceConvention;

import picocli.CommandLine.Option;

/**
 * {@code --variance binomial|survey}, declared once for {@code estimate}, {@code compare} and
 * {@code report}: the variance convention of all-crime estimates (survey: stratified, with the finite
 * population correction, and over incidents when the records name them).
 */
final class VarianceOption {

    @Option(names = "--variance", defaultValue = "binomial", paramLabel = "binomial|survey",
            description = "Variance convention of inspection files (default: ${DEFAULT-VALUE}); survey is stratified,"
                    + " with the finite population correction, and over incidents when the records name them.")
    VarianceConvention value;
}
