package org.recordingrate.model;

/**
 * What a row of an estimate or comparison stands for: one audited category, or all crime (the
 * categories combined, weighted by volume). Tables and reports read this, never the row's name.
 */
public enum RowKind {
    /** One audited category. */
    CATEGORY,
    /** All crime: the categories combined, weighted by their volumes. */
    ALL_CRIME
}
