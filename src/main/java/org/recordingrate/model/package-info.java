/**
 * The vocabulary every other package speaks: a {@link org.recordingrate.model.Tally} (recorded of
 * audited), an {@link org.recordingrate.model.Interval}, a {@link org.recordingrate.model.Category}
 * (the design: name, volume, population) and an {@link org.recordingrate.model.AuditedCategory}
 * (design and outcome, with its {@link org.recordingrate.model.Incidents} when the records named
 * them), an {@link org.recordingrate.model.Inspection}, audited records and their accumulator, the one
 * rule for names ({@link org.recordingrate.model.Names}), and the two shapes every result and every
 * choice share: {@link org.recordingrate.model.Result} (summary, table, notes) and
 * {@link org.recordingrate.model.Token} (the names of methods and options).
 *
 * <p>Values are immutable; bad arguments throw {@link org.recordingrate.error.ArgumentException}
 * naming the argument and the value.
 */
package org.recordingrate.model;
