package org.recordingrate.forces;

import java.util.List;

import org.recordingrate.model.Token;

/**
 * How a funnel plot allows for over-dispersion: more spread between forces than their sampling error
 * explains (Spiegelhalter 2005, "Handling over-dispersion of performance indicators", Quality and
 * Safety in Health Care 14, 347-351). Without an allowance, a funnel of 38 published all-crime rates
 * puts 30 beyond the 95% limits: the forces truly differ, and the limits of "no difference" say little
 * about which differ most.
 *
 * <p>Both allowances start from the z-scores z<sub>i</sub> = (p<sub>i</sub> - target) /
 * s<sub>i</sub>, s<sub>i</sub> = sqrt(target (1 - target) / n<sub>i</sub>), winsorised at the 10th and
 * 90th percentiles ({@link Dispersion}).
 */
public enum Overdispersion implements Token {

    /** No allowance: the binomial limits of {@link FunnelLimits} (exact by default). */
    NONE("none"),

    /**
     * Multiplicative: every variance times phi = the mean of the squared winsorised z-scores; limits
     * target &plusmn; z<sub>p</sub> sqrt(phi) s<sub>i</sub> and z-scores z<sub>i</sub> / sqrt(phi)
     * (Spiegelhalter 2005, section "multiplicative"). Applied only when phi &gt; 1.
     */
    MULTIPLICATIVE("multiplicative (phi)"),

    /**
     * Additive (the default, as R's FunnelPlotR): a between-force variance tau2 added to each
     * force's, tau2 = max(0, (I phi - (I - 1)) / (sum w<sub>i</sub> - sum w<sub>i</sub><sup>2</sup> /
     * sum w<sub>i</sub>)), w<sub>i</sub> = 1 / s<sub>i</sub><sup>2</sup> (DerSimonian and Laird's
     * moment estimator on the winsorised z-scores); limits target &plusmn; z<sub>p</sub>
     * sqrt(s<sub>i</sub><sup>2</sup> + tau2) and z-scores (p<sub>i</sub> - target) /
     * sqrt(s<sub>i</sub><sup>2</sup> + tau2). Applied only when tau2 &gt; 0.
     */
    ADDITIVE("additive (tau2)");

    private final String displayName;

    Overdispersion(String displayName) {
        this.displayName = displayName;
    }

    /**
     * The name for people.
     *
     * @return e.g. {@code "additive (tau2)"}
     */
    @Override
    public String displayName() {
        return displayName;
    }

    /**
     * {@code random_effects} for {@link #ADDITIVE}, {@code phi} for {@link #MULTIPLICATIVE}.
     *
     * @return the other tokens read
     */
    @Override
    public List<String> aliases() {
        return switch (this) {
            case ADDITIVE -> List.of("random_effects", "tau2");
            case MULTIPLICATIVE -> List.of("phi");
            default -> List.of("unadjusted");
        };
    }
}
