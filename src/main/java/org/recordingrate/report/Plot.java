package org.recordingrate.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.recordingrate.internal.Args;

/**
 * A picture drawn with the JDK alone: SVG written as text, PNG painted by Java2D (headless) and
 * written by ImageIO. Subclasses lay the picture out once, in pixels, and draw it on either.
 */
public abstract class Plot {

    /** Only this package's plots. */
    Plot() {
    }

    /** Width of the picture in pixels (at PNG scale 1). */
    public abstract int width();

    /** Height of the picture in pixels (at PNG scale 1). */
    public abstract int height();

    /** What the picture shows, one line (the SVG's title). */
    public abstract String title();

    /** Draws the picture. */
    abstract void draw(Canvas canvas);

    /** The picture as an SVG document (UTF-8 text), self-contained: it can be put inline in HTML. */
    public String svg() {
        SvgCanvas canvas = new SvgCanvas(width(), height(), title(), getClass().getSimpleName().toLowerCase(Locale.ROOT));
        draw(canvas);
        return canvas.finish();
    }

    /** The picture as PNG bytes at scale 1. */
    public byte[] png() {
        return png(1);
    }

    /**
     * The picture as PNG bytes, each layout pixel {@code scale} pixels wide (2 for high-density screens).
     *
     * @throws IllegalArgumentException if {@code scale} is outside [0.25, 8]
     */
    public byte[] png(double scale) {
        Args.inRange("scale", scale, 0.25, 8);
        PngCanvas canvas = new PngCanvas(width(), height(), scale);
        draw(canvas);
        return canvas.finish();
    }

    /**
     * Writes the picture to {@code file}: SVG for a name ending {@code .svg}, PNG for {@code .png}.
     *
     * @throws IllegalArgumentException if the name ends otherwise
     * @throws UncheckedIOException     if the file cannot be written
     */
    public void write(Path file) {
        Args.notNull("file", file);
        byte[] bytes = bytesFor(file);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": could not be written (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The bytes that {@link #write(Path)} writes for a file of this name.
     *
     * @throws IllegalArgumentException if the name ends neither {@code .svg} nor {@code .png}
     */
    public byte[] bytesFor(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            return svg().getBytes(StandardCharsets.UTF_8);
        }
        if (name.endsWith(".png")) {
            return png();
        }
        throw new IllegalArgumentException("file (" + file + ") must end .svg or .png: the picture's format is "
                + "taken from its name");
    }

    /** The title. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + title() + ", " + width() + "x" + height() + "]";
    }
}
