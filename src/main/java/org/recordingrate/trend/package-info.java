/**
 * Trends across three or more inspections of one force and category: is the force's recording
 * improving, and by how many points a year?
 *
 * <ul>
 *   <li>for tallies, the Cochran-Armitage test for trend with the inspections' times as scores (R's
 *       {@code prop.trend.test(x, n, score = time)}) and its least-squares slope with an interval;</li>
 *   <li>for published figures (rate +/- margin) and other estimates with a standard error, the
 *       fixed-effect meta-regression of the rates on time (metafor's {@code rma(yi, vi, mods = ~ time,
 *       method = "FE")});</li>
 *   <li>the inspectors' sentence: "Northshire's recording of violence has improved by 2.1 points a year
 *       over the three inspections since 2014 (...)".</li>
 * </ul>
 *
 * <p>{@link org.recordingrate.trend.TrendAnalysis} is the configured procedure ({@code
 * TrendAnalysis.of(new double[] {2014, 2017, 2022}, Tally.of(..), ..)} in one line);
 * {@link org.recordingrate.trend.TrendFile} reads inspection files, tallies, record-level audit files and
 * published figures with a time column into series grouped by force and category.
 */
package org.recordingrate.trend;
