/**
 * Resample: bootstrap intervals ({@link org.recordingrate.resample.Bootstrap},
 * {@link org.recordingrate.resample.BootstrapInterval}) and permutation tests
 * ({@link org.recordingrate.resample.PermutationTest}) for a tally, a change, and whole inspections,
 * resampling incidents when the records named them. Seeded: the same seed gives the same result on
 * any number of threads (fixed blocks of replicates, each with its own split generator).
 */
package org.recordingrate.resample;
