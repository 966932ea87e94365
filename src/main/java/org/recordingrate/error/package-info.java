/**
 * The exceptions of the library's API: {@link org.recordingrate.error.ArgumentException}, thrown by
 * every public method for a bad argument, naming the argument and its value.
 */
package org.recordingrate.error;
