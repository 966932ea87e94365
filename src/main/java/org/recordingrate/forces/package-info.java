/**
 * Many forces at once: the funnel plot's statistics with over-dispersion (Spiegelhalter 2005),
 * empirical-Bayes shrinkage (DerSimonian-Laird BLUPs as metafor, beta-binomial as ebbr), confidence
 * intervals for ranks (Mogstad, Romano, Shaikh and Wilhelm 2024) and the national rate, from tallies,
 * inspection files, record-level audit files or published figures. Start at {@link
 * org.recordingrate.forces.Forces} and {@link org.recordingrate.forces.ForcesFile}.
 */
package org.recordingrate.forces;
