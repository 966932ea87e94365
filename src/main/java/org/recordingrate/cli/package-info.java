/**
 * The {@code recording-rate} command line (picocli, an optional dependency: programs embedding the
 * library do not inherit it). Only {@link org.recordingrate.cli.Main} is public; each command is a
 * class of its own, and the options several commands share are declared once, as mixins.
 */
package org.recordingrate.cli;
