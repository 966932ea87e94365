/**
 * Published figures: what can be recovered from "rate +/- margin" alone
 * ({@link org.recordingrate.reproduce.PublishedFigure}, {@link org.recordingrate.reproduce.PublishedComparison}),
 * the audit the rounding allows behind a figure ({@link org.recordingrate.reproduce.TallyCheck}), whether a
 * report's words and numbers agree ({@link org.recordingrate.reproduce.FigureCheck}), and the figures read from
 * inspection reports' own text ({@link org.recordingrate.reproduce.PublishedReport}).
 */
package org.recordingrate.reproduce;
