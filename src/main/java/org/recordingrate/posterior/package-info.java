/**
 * The Bayesian view of an audit, as jfa (Derks et al. 2021, "jfa: Bayesian and classical audit
 * sampling", R package) evaluates audits: a Beta prior on a recording rate updated by the audit's
 * tally.
 *
 * <ul>
 *   <li>{@link org.recordingrate.posterior.Prior}: {@code jeffreys} (Beta(1/2, 1/2), the default),
 *       {@code uniform} (Beta(1, 1)) or any Beta(A, B);</li>
 *   <li>{@link org.recordingrate.posterior.BetaPosterior}: one tally's Beta posterior, its mean, its
 *       equal-tailed and highest-density intervals;</li>
 *   <li>{@link org.recordingrate.posterior.PosteriorChange}: two tallies (earlier, later): the
 *       probability that the later rate is higher, computed by quadrature (not simulated), and the
 *       posterior of the difference;</li>
 *   <li>{@link org.recordingrate.posterior.AllCrimePosterior}: an inspection's volume-weighted
 *       all-crime rate, by seeded simulation identical for any number of threads, with its Monte
 *       Carlo error;</li>
 *   <li>{@link org.recordingrate.posterior.HierarchicalPosterior}: many forces at once under a
 *       beta-binomial model with a hyperprior (Gelman et al. 2013, section 5.3), integrated on a grid:
 *       the Bayesian counterpart of empirical-Bayes shrinkage.</li>
 * </ul>
 *
 * <p>{@link org.recordingrate.posterior.BayesEstimator} is the configured procedure;
 * {@code BayesEstimator.of(188, 202)} and the other static shortcuts are one-line calls for JShell.
 */
package org.recordingrate.posterior;
