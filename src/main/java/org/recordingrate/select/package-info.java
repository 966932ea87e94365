/**
 * Drawing the audit's records: each category's planned number of records ({@link
 * org.recordingrate.select.PlannedCategory}, as a plan gives them) drawn from a population file of
 * incident records, reproducibly from a seed ({@link org.recordingrate.select.Selector},
 * {@link org.recordingrate.select.SelectionMethod}: permanent random numbers, a seeded reservoir, or
 * systematic selection), with the manifest that lets a reviewer re-run the draw
 * ({@link org.recordingrate.select.Selection}). The population file is read, streamed, by
 * {@link org.recordingrate.io.PopulationFile}.
 */
package org.recordingrate.select;
