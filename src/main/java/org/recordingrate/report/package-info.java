/**
 * Presentation: the inspectors' sentences ({@link org.recordingrate.report.InspectorsWords}), the
 * report on one force's two inspections ({@link org.recordingrate.report.Report}: text, markdown,
 * HTML, CSV, JSON) and the plots (forest and funnel plots, as SVG or PNG). The domain packages never
 * use this one; every result's table is defined beside the result.
 */
package org.recordingrate.report;
