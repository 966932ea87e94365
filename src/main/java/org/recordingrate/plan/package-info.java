/**
 * Plan an audit before it starts: the audited count for a target margin
 * ({@link org.recordingrate.plan.SampleSizePlanner}), for ruling out an unrecorded share
 * ({@link org.recordingrate.plan.UpperBoundPlanner}), for the power to detect a change
 * ({@link org.recordingrate.plan.PowerPlanner}), and the allocation of a total across categories
 * ({@link org.recordingrate.plan.AllocationPlanner}). Targets are given in percent, as inspectors
 * publish them; results are fractions.
 */
package org.recordingrate.plan;
