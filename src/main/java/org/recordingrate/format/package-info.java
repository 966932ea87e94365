/**
 * Presentation-free formatting that results use for their own text and tables: percent and points
 * ({@link org.recordingrate.format.Percent}), aligned text tables, JSON strings, and the typed table
 * every result gives ({@link org.recordingrate.format.ResultTable}, built from
 * {@link org.recordingrate.format.ResultColumns}), written as CSV, JSON or text with its notes.
 */
package org.recordingrate.format;
