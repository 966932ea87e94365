/**
 * Compare two inspections: the change (later minus earlier) with its interval
 * ({@link org.recordingrate.compare.DifferenceMethod}), a test of no change
 * ({@link org.recordingrate.compare.ChangeTest}, or any {@link org.recordingrate.compare.ChangeTestMethod}),
 * the inspectors' verdict, per category with p-values adjusted across them, for all crime, and
 * across categories (Cochran-Mantel-Haenszel). {@link org.recordingrate.compare.Comparison} is the
 * configured procedure; its results are {@link org.recordingrate.compare.Change},
 * {@link org.recordingrate.compare.InspectionChange} and
 * {@link org.recordingrate.compare.InspectionComparisons}.
 */
package org.recordingrate.compare;
