package org.recordingrate.cli;

import java.util.List;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.compare.PValueAdjustment;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.forces.FunnelLimits;
import org.recordingrate.forces.Overdispersion;
import org.recordingrate.forces.Shrinkage;
import org.recordingrate.model.Token;
import org.recordingrate.plan.Allocation;
import org.recordingrate.plan.PowerMethod;
import org.recordingrate.select.SelectionMethod;
import org.recordingrate.resample.BootstrapInterval;
import org.recordingrate.resample.Enumeration;
import org.recordingrate.resample.ResamplingWeights;
import org.recordingrate.resample.TieCounting;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * The one registration of every {@link Token} enum with picocli: an option of such a type reads its
 * value with {@link Token#parse} (case, {@code -} and spaces forgiven, aliases read), and an unknown
 * token is a usage error (exit 2) listing the valid ones. A new enum is one more entry in {@link #TYPES}.
 */
final class TokenConverters {

    /** Every enum that options take. */
    static final List<Class<? extends Enum<?>>> TYPES = List.of(Alternative.class, ChangeTest.class,
            DifferenceMethod.class, PValueAdjustment.class, AllCrimeMethod.class, IntervalMethod.class,
            VarianceConvention.class, Allocation.class, PowerMethod.class, SelectionMethod.class, FunnelLimits.class,
            BootstrapInterval.class, Enumeration.class, ResamplingWeights.class, TieCounting.class,
            Overdispersion.class, Shrinkage.class, org.recordingrate.trend.TrendMethod.class);

    private TokenConverters() {
    }

    /**
     * Registers a converter for each of {@link #TYPES} on {@code commandLine} and its subcommands.
     *
     * @param commandLine the command line
     */
    static void register(CommandLine commandLine) {
        for (Class<? extends Enum<?>> type : TYPES) {
            registerOne(commandLine, type);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void registerOne(CommandLine commandLine, Class type) {
        commandLine.registerConverter(type, text -> convert(type, text));
    }

    private static <E extends Enum<E> & Token> E convert(Class<E> type, String text) {
        try {
            return Token.parse(type, "value", text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + text + "' must be one of " + Token.tokens(type));
        }
    }
}
