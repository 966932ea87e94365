package org.recordingrate.report;

import org.recordingrate.internal.Args;
import org.recordingrate.model.RowKind;

/**
 * One of the inspectors' paragraphs: what a force records of all crime or of one category, how
 * that compares with the previous inspection, and how many crimes it did not record (see
 * {@link InspectorsWords} for the wording).
 *
 * @param kind     all crime, or one category
 * @param category the category's name ({@code "all crime"} for the combined row)
 * @param text     the paragraph, on one line
 */
public record Paragraph(RowKind kind, String category, String text) {

    /**
     * Validates the paragraph; the text is kept as given (not stripped).
     *
     * @param kind     all crime, or one category
     * @param category the category's name ({@code "all crime"} for the combined row); not null
     * @param text     the paragraph, on one line; not blank
     * @throws IllegalArgumentException if {@code kind} or {@code category} is null, or {@code text} is
     *                                  null or blank
     */
    public Paragraph {
        Args.notNull("kind", kind);
        Args.notNull("category", category);
        Args.notBlank("text", text);
    }

    /** The paragraph's text. */
    @Override
    public String toString() {
        return text;
    }
}
