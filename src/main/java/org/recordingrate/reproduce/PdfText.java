package org.recordingrate.reproduce;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.recordingrate.io.DataFileException;

/**
 * The text of a PDF report by Apache PDFBox 3, an optional dependency (as picocli is): the
 * command-line jar holds it, an embedder who wants PDFs adds {@code org.apache.pdfbox:pdfbox}.
 * Without it the message says how to get the text instead. The class that calls PDFBox
 * ({@link Box}) is loaded only once PDFBox is known to be there.
 */
final class PdfText {

    private PdfText() {
    }

    /** Whether PDFBox is on the class path. */
    static boolean available() {
        try {
            Class.forName("org.apache.pdfbox.Loader", false, PdfText.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The text of the PDF named {@code file}, whose bytes are {@code bytes}. */
    static String extract(String file, byte[] bytes) {
        if (!available()) {
            throw new DataFileException(file, 0, null, null, "is a PDF, and reading PDFs needs Apache PDFBox 3"
                    + " (org.apache.pdfbox:pdfbox) on the class path, which the command-line jar has; or extract the"
                    + " text first (pdftotext -layout report.pdf report.txt, or copy it from the report's web page) and"
                    + " read that");
        }
        return Box.extract(file, bytes);
    }

    /**
     * PDFBox's text in reading order, a line of the page per line of text; a vertical gap wider than
     * one and a half lines becomes a blank line (PDFBox's own paragraph marks fall on every line of
     * some PDFs), so that paragraphs and headings stay apart as in a text copy.
     */
    private static final class Lines extends PDFTextStripper {

        /** Baseline of the previous line on this page, or NaN at a page's start. */
        private float previousBaseline = Float.NaN;

        Lines() {
            setSortByPosition(true);
            setLineSeparator("\n");
            setPageEnd("\n");
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            previousBaseline = Float.NaN;
            super.startPage(page);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            if (!positions.isEmpty()) {
                TextPosition first = positions.get(0);
                float baseline = first.getYDirAdj();
                float height = Math.max(first.getHeightDir(), first.getFontSizeInPt());
                if (!Float.isNaN(previousBaseline) && baseline - previousBaseline > 1.6f * height * 1.2f) {
                    writeLineSeparator();
                }
                previousBaseline = baseline;
            }
            super.writeString(text, positions);
        }
    }

    /** The calls into PDFBox. */
    private static final class Box {

        private Box() {
        }

        static String extract(String file, byte[] bytes) {
            // PDFBox reports fonts it cannot map at WARNING through java.util.logging: not the reader's business
            Logger.getLogger("org.apache.pdfbox").setLevel(Level.SEVERE);
            Logger.getLogger("org.apache.fontbox").setLevel(Level.SEVERE);
            try (PDDocument document = Loader.loadPDF(bytes)) {
                return new Lines().getText(document);
            } catch (IOException e) {
                throw new DataFileException(file, 0, null, null, "is a PDF that cannot be read: "
                        + e.getMessage());
            }
        }
    }
}
