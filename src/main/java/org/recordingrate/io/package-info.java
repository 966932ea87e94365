/**
 * Reading files: the one CSV reader with located errors (file, line, column, value), and the file
 * kinds built on it: inspection files, record-level audit files and their volumes (told apart by the
 * header: {@link org.recordingrate.io.InspectionSource}), and population files. The readers wrap the
 * domain's own checks, so a bad cell says what the constructor would.
 */
package org.recordingrate.io;
