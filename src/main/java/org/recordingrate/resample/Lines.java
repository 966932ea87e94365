package org.recordingrate.resample;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.recordingrate.format.Percent;
import org.recordingrate.model.Result;

/**
 * The pieces of the one-line {@code toString()} of the resampling results of whole inspections,
 * which show every row (each category and all crime) and say the settings once.
 */
final class Lines {

    private Lines() {
    }

    /** {@code "bootstrap BCa, 95% CI, 100,000 replicates, seed 1"}, or the exact bootstrap's lattice error. */
    static String settings(BootstrapEstimate e) {
        String how = e.monteCarlo().map(mc -> String.format(Locale.ROOT, "%,d replicates, seed %d", mc.replicates(),
                mc.seed())).orElseGet(() -> e.latticeError().orElse(0) == 0 ? "no Monte Carlo error"
                : String.format(Locale.ROOT, "lattice error below %.1g", e.latticeError().getAsDouble()));
        return e.method().displayName() + ", " + Percent.level(e.confidence()) + " CI, " + how;
    }

    /** {@code "89.1% (84.2% to 93.1%)"}. */
    static String rate(BootstrapEstimate e) {
        return Percent.format(e.estimate()) + " (" + Percent.format(e.lower()) + " to " + Percent.format(e.upper()) + ")";
    }

    /** {@code "+9.1 points (+3.9 to +14.0)"}. */
    static String change(BootstrapEstimate e) {
        return Percent.points(e.estimate()) + " (" + Percent.range(e.lower(), e.upper()) + ")";
    }

    /** The items joined: categories by commas, all crime (the last) after a semicolon, then the notes. */
    static String join(String head, List<String> items, Result result) {
        StringBuilder text = new StringBuilder(head).append(": ");
        if (items.size() > 1) {
            text.append(String.join(", ", items.subList(0, items.size() - 1))).append("; ");
        }
        text.append(items.get(items.size() - 1));
        for (String note : result.notes()) {
            text.append("; ").append(note);
        }
        return text.toString();
    }

    /** The permutation rows' methods, said once when they agree: {@code "exact enumeration"}. */
    static String methods(List<PermutationRow> rows) {
        return rows.stream().map(r -> method(r.result())).distinct().collect(Collectors.joining(" or "));
    }

    /** {@code "exact enumeration"} or {@code "monte carlo, 100,000 replicates, seed 1"}. */
    static String method(PermutationResult r) {
        return r.method().words() + r.monteCarlo().map(mc -> String.format(Locale.ROOT, ", %,d replicates, seed %d",
                mc.replicates(), mc.seed())).orElse("");
    }
}
