/**
 * How often an interval covers the true recording rate: the exact coverage of the one-category
 * intervals by enumeration of every possible tally ({@link RateCoverage}), of the change intervals by
 * double enumeration ({@link ChangeCoverage}), and of the all-crime interval of an inspection's design
 * by seeded simulation with its Monte Carlo error ({@link AllCrimeCoverage}); over a grid of true rates
 * ({@link RateGrid}, {@link CoverageCurve}); and the rule by which a method is known to under-cover
 * at a size and rate ({@link UnderCoverage}). After Brown, Cai and DasGupta, "Interval estimation for a
 * binomial proportion", Statistical Science 16 (2001) 101-133, and Newcombe, "Interval estimation for
 * the difference between independent proportions", Statistics in Medicine 17 (1998) 873-890.
 */
package org.recordingrate.coverage;
