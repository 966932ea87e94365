/**
 * Estimate: the recording rate of one category with its interval by every respected method
 * ({@link org.recordingrate.estimate.IntervalMethod}, {@link org.recordingrate.estimate.RateEstimator}),
 * of all crime as the volume-weighted combination of the categories
 * ({@link org.recordingrate.estimate.InspectionEstimator}, {@link org.recordingrate.estimate.AllCrimeMethod},
 * binomial or survey variance: {@link org.recordingrate.estimate.VarianceConvention}), and the crimes
 * left unrecorded ({@link org.recordingrate.estimate.UnrecordedCrimes}). Each method's Javadoc gives
 * its formula, its reference and its behaviour at 0 and at all recorded.
 */
package org.recordingrate.estimate;
