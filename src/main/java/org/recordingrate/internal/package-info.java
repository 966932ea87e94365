/**
 * Not API: the validation every public method calls, special functions and distributions
 * (incomplete beta and its inverse, binomial and hypergeometric probabilities, normal and Student
 * quantiles), root finding and the samplers behind resampling and selection. Public only so that the
 * other packages can reach them; anything here may change without notice.
 */
package org.recordingrate.internal;
