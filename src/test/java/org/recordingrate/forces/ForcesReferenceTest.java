package org.recordingrate.forces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recordingrate.forces.Reference.close;
import static org.recordingrate.forces.Reference.number;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Every statistic of {@link Forces} against R (src/test/resources/forces/make-forces-reference.R), on
 * three data sets: 38 synthetic published all-crime figures (published-38.csv, made by
 * make-published-38.py), the bundled forces' all-crime rates and their violence tallies
 * (examples/data/forces-2022.csv).
 *
 * <p>The R values, and the call that made each (quoted from the script):
 * <ul>
 *   <li>z, winsorised z, phi, tau2: FunnelPlotR's {@code winsorisation()}, {@code phi_func()} and
 *       {@code tau_func()} transcribed (R's {@code quantile}, type 7); published-38 gives phi
 *       15.3742353431348 and tau2 0.00198791097292234 (between-force SD 4.46 points); the bundled forces'
 *       all crime phi 4.58767534645975, tau2 0.000811879139016498;</li>
 *   <li>the additive limits target &plusmn; qnorm(0.975 / 0.999) sqrt(s^2 + tau2), the multiplicative
 *       target &plusmn; qnorm(0.975) sqrt(phi) s;</li>
 *   <li>{@code rma(yi, vi, method = "DL")} and {@code blup()}: published-38 tau2 0.00320810662314032,
 *       mu 0.893028178405146, se 0.00938502380324686, Q 1417.61304289613, I2 97.39%; violence (with
 *       {@code escalc(measure = "PR")}) tau2 0.00227259540689853, mu 0.882424683592872;</li>
 *   <li>{@code pchisq(I phi, I - 1, lower.tail = FALSE)}: 1.36820011962758e-99 for published-38.</li>
 * </ul>
 * R's write.csv keeps 15 significant digits; both computations are good to about 1e-14, so the
 * tolerance is 1e-12 (relative to the value, or absolute below 1).
 */
class ForcesReferenceTest {

    static final Path PUBLISHED_38 = Path.of("src/test/resources/forces/published-38.csv");
    static final Path FORCES = Path.of("examples/data/forces-2022.csv");
    private static final double TOLERANCE = 1e-12;

    /** Fewer replicates than the default: the ranks are tested in RankIntervalsTest. */
    static Forces procedure() {
        return Forces.withDefaults().withReplicates(20_000);
    }

    static ForcesResult published38() {
        return procedure().analyse(ForcesFile.read(PUBLISHED_38));
    }

    static ForcesResult allCrime() {
        return procedure().analyse(ForcesFile.read(FORCES));
    }

    static ForcesResult violence() {
        return procedure().analyse(ForcesFile.read(FORCES, ForcesFile.Options.defaults().withCategory("violence")));
    }

    private static void funnel(String dataset, ForcesResult result) {
        Map<String, String> s = Reference.scalars(dataset);
        close(number(s, "target"), result.target(), TOLERANCE, dataset + " target");
        close(number(s, "lower_z"), result.dispersion().lowerZ(), TOLERANCE, dataset + " 10th percentile of z");
        close(number(s, "upper_z"), result.dispersion().upperZ(), TOLERANCE, dataset + " 90th percentile of z");
        close(number(s, "phi"), result.dispersion().phi(), TOLERANCE, dataset + " phi");
        close(number(s, "tau2"), result.dispersion().tau2(), TOLERANCE, dataset + " tau2");
        assertEquals(number(s, "p_value"), result.dispersion().pValue(), 1e-9 * number(s, "p_value") + 1e-300,
                dataset + " p-value");
        List<CSVRecord> rows = Reference.rows("forces-reference-" + dataset + ".csv");
        assertEquals(rows.size(), result.forces().size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            ForceResult f = result.forces().get(i);
            String what = dataset + " " + f.name();
            assertEquals(r.get("force"), f.name());
            close(number(r, "rate"), f.rate(), TOLERANCE, what + " rate");
            close(number(r, "variance"), f.figure().variance(), TOLERANCE, what + " variance");
            close(number(r, "effective_audited"), f.figure().effectiveAudited(),
                    TOLERANCE * number(r, "effective_audited"), what + " effective audited");
            close(number(r, "z"), f.z(), TOLERANCE, what + " z");
            close(number(r, "z_additive"), f.zAdjusted(), TOLERANCE, what + " z adjusted (additive)");
            close(number(r, "lower95_additive"), f.limits().lower95(), TOLERANCE, what + " lower 95%");
            close(number(r, "upper95_additive"), f.limits().upper95(), TOLERANCE, what + " upper 95%");
            close(number(r, "lower998_additive"), f.limits().lower998(), TOLERANCE, what + " lower 99.8%");
            close(number(r, "upper998_additive"), f.limits().upper998(), TOLERANCE, what + " upper 99.8%");
            Outlier expected = Outlier.of(f.rate(), number(r, "lower95_additive"), number(r, "upper95_additive"),
                    number(r, "lower998_additive"), number(r, "upper998_additive"));
            assertEquals(expected, f.outlier(), what);
        }
    }

    private static void randomEffects(String dataset, ForcesResult result) {
        Map<String, String> s = Reference.scalars(dataset);
        RandomEffects fit = result.randomEffects().orElseThrow();
        close(number(s, "dl_tau2"), fit.tau2(), TOLERANCE, dataset + " DL tau2");
        close(number(s, "dl_mu"), fit.mu(), TOLERANCE, dataset + " DL mu");
        close(number(s, "dl_se"), fit.muSe(), TOLERANCE, dataset + " DL se");
        close(number(s, "dl_q"), fit.q(), TOLERANCE, dataset + " Q");
        close(number(s, "dl_i2"), fit.i2(), TOLERANCE, dataset + " I2");
        List<CSVRecord> rows = Reference.rows("forces-reference-" + dataset + ".csv");
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            ForceResult f = result.forces().get(i);
            String what = dataset + " " + f.name();
            close(number(r, "yi"), f.figure().randomEffectsRate(), TOLERANCE, what + " yi");
            close(number(r, "blup"), f.shrunken().estimate(), TOLERANCE, what + " blup pred");
            close(number(r, "blup_se"), f.shrunken().se(), TOLERANCE, what + " blup se");
            // metafor's pi.lb and pi.ub are not clipped; here the bounds are, to [0, 1]
            close(Math.max(0, number(r, "blup_lower")), f.shrunken().lower(), TOLERANCE, what + " blup pi.lb");
            close(Math.min(1, number(r, "blup_upper")), f.shrunken().upper(), TOLERANCE, what + " blup pi.ub");
        }
    }

    private static void national(String dataset, ForcesResult result) {
        Map<String, String> s = Reference.scalars(dataset);
        NationalRate national = result.national().orElseThrow();
        close(number(s, "national_rate"), national.rate(), TOLERANCE, dataset + " national rate");
        close(number(s, "national_lower"), national.lower(), TOLERANCE, dataset + " national lower");
        close(number(s, "national_upper"), national.upper(), TOLERANCE, dataset + " national upper");
        assertEquals(result.forces().size(), national.forces());
    }

    @Test
    void publishedFigures() {
        ForcesResult result = published38();
        assertEquals(ForcesFile.Kind.PUBLISHED_FIGURES, result.file().orElseThrow().kind());
        funnel("published-38", result);
        randomEffects("published-38", result);
        national("published-38", result);
        // the observation: without an allowance most forces lie beyond the 95% limits
        long unadjusted = result.forces().stream().filter(f -> f.outlierUnadjusted() != Outlier.NONE).count();
        long adjusted = result.beyond95().size();
        assertTrue(unadjusted >= 25 && adjusted <= 4, unadjusted + " beyond unadjusted, " + adjusted + " adjusted");
        assertEquals(Overdispersion.ADDITIVE, result.applied());
    }

    @Test
    void multiplicativeAllowance() {
        ForcesResult result = procedure().with(Overdispersion.MULTIPLICATIVE).analyse(ForcesFile.read(PUBLISHED_38));
        assertEquals(Overdispersion.MULTIPLICATIVE, result.applied());
        List<CSVRecord> rows = Reference.rows("forces-reference-published-38.csv");
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            ForceResult f = result.forces().get(i);
            close(number(r, "lower95_multiplicative"), f.limits().lower95(), TOLERANCE, f.name() + " lower 95%");
            close(number(r, "upper95_multiplicative"), f.limits().upper95(), TOLERANCE, f.name() + " upper 95%");
            close(number(r, "z_multiplicative"), f.zAdjusted(), TOLERANCE, f.name() + " z / sqrt(phi)");
        }
    }

    @Test
    void noAllowanceGivesTheBinomialLimits() {
        ForcesResult result = procedure().with(Overdispersion.NONE).analyse(ForcesFile.read(PUBLISHED_38));
        assertEquals(Overdispersion.NONE, result.applied());
        for (ForceResult f : result.forces()) {
            double n = f.figure().effectiveAudited();
            assertEquals(FunnelLimits.EXACT_BINOMIAL.lower(result.target(), n, 0.95), f.limits().lower95(), 0);
            assertEquals(FunnelLimits.EXACT_BINOMIAL.upper(result.target(), n, 0.998), f.limits().upper998(), 0);
            assertEquals(f.z(), f.zAdjusted(), 0);
            assertEquals(f.outlier(), f.outlierUnadjusted());
        }
        // phi and tau2 are still computed and stated
        close(number(Reference.scalars("published-38"), "phi"), result.dispersion().phi(), TOLERANCE, "phi");
    }

    @Test
    void bundledForcesAllCrime() {
        ForcesResult result = allCrime();
        assertEquals(ForcesFile.Kind.INSPECTIONS, result.file().orElseThrow().kind());
        funnel("forces-all-crime", result);
        randomEffects("forces-all-crime", result);
        national("forces-all-crime", result);
    }

    @Test
    void bundledForcesViolenceTallies() {
        ForcesResult result = violence();
        funnel("forces-violence", result);
        randomEffects("forces-violence", result);
        national("forces-violence", result);
        assertTrue(result.forces().stream().allMatch(f -> f.figure().tally().isPresent()));
    }
}
