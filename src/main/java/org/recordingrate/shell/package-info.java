/**
 * The JShell facade {@link org.recordingrate.shell.RecordingRate}: one static verb per command, taking
 * the command line's tokens, for analysts who do not want to write Java; and the preferences that give
 * JShell a feedback mode that never cuts a result short.
 */
package org.recordingrate.shell;
