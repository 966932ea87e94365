package org.recordingrate.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

    /** The text of the PDF {@code file}, whose bytes are {@code bytes}. */
    static String extract(Path file, byte[] bytes) {
        if (!available()) {
            throw new DataFileException(file.toString(), 0, null, null, "is a PDF, and reading PDFs needs Apache PDFBox 3"
                    + " (org.apache.pdfbox:pdfbox) on the class path, which the command-line jar has; or extract the"
                    + " text first (pdftotext -layout report.pdf report.txt, or copy it from the report's web page) and"
                    + " read that");
        }
        return Box.extract(file, bytes);
    }

    /** The calls into PDFBox. */
    private static final class Box {

        private Box() {
        }

        static String extract(Path file, byte[] bytes) {
            // PDFBox reports fonts it cannot map at WARNING through java.util.logging: not the reader's business
            Logger.getLogger("org.apache.pdfbox").setLevel(Level.SEVERE);
            Logger.getLogger("org.apache.fontbox").setLevel(Level.SEVERE);
            try (PDDocument document = Loader.loadPDF(bytes)) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                stripper.setLineSeparator("\n");
                stripper.setParagraphEnd("\n");
                return stripper.getText(document);
            } catch (IOException e) {
                throw new DataFileException(file.toString(), 0, null, null, "is a PDF that cannot be read: "
                        + e.getMessage());
            }
        }
    }
}
