package org.recordingrate.resample;

import org.recordingrate.model.Token;

import org.recordingrate.internal.Args;

/** How the record-level bootstrap ({@link RecordBootstrap}) weights the resampling units. */
public enum ResamplingWeights implements Token {

    /**
     * The classical bootstrap: within each category, as many units as it has are drawn with
     * replacement (multinomial counts with equal probabilities), by exactly uniform indices
     * (Lemire's multiply-and-reject, 2019). The default.
     */
    MULTINOMIAL,

    /**
     * The Poisson bootstrap (Hanley and MacGibbon 2006; Chamandy et al. 2012): every unit gets an
     * independent Poisson(1) weight, one random number per unit from a small inversion table, so
     * units can be streamed and the number drawn per category varies. A category whose units all
     * get weight 0 (probability e<sup>-m</sup> for m units) keeps its observed rate in that replicate.
     */
    POISSON;

}
