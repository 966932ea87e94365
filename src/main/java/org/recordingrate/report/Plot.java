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

    /**
     * Width of the picture, the layout's unit for both formats.
     *
     * @return the width in pixels at PNG scale 1 (the SVG's width)
     */
    public abstract int width();

    /**
     * Height of the picture, the layout's unit for both formats.
     *
     * @return the height in pixels at PNG scale 1 (the SVG's height)
     */
    public abstract int height();

    /**
     * What the picture shows, also kept as the SVG's {@code <title>} (which screen readers read).
     *
     * @return the title, one line
     */
    public abstract String title();

    /** Draws the picture. */
    abstract void draw(Canvas canvas);

    /**
     * The picture as an SVG document, self-contained (no external fonts or images), so it can be put
     * inline in HTML.
     *
     * @return the SVG text; write it as UTF-8
     */
    public String svg() {
        SvgCanvas canvas = new SvgCanvas(width(), height(), title(), getClass().getSimpleName().toLowerCase(Locale.ROOT));
        draw(canvas);
        return canvas.finish();
    }

    /**
     * The picture as PNG bytes at scale 1: {@link #width()} x {@link #height()} pixels.
     *
     * @return the PNG file's bytes
     */
    public byte[] png() {
        return png(1);
    }

    /**
     * The picture as PNG bytes, each layout pixel {@code scale} pixels wide (2 for high-density screens).
     *
     * @param scale image pixels per layout pixel, from 0.25 to 8
     * @return the PNG file's bytes
     * @throws IllegalArgumentException if {@code scale} is outside [0.25, 8] or NaN
     */
    public byte[] png(double scale) {
        Args.inRange("scale", scale, 0.25, 8);
        PngCanvas canvas = new PngCanvas(width(), height(), scale);
        draw(canvas);
        return canvas.finish();
    }

    /**
     * Writes the picture to {@code file}: SVG for a name ending {@code .svg}, PNG for {@code .png}
     * (at scale 1), ignoring case; an existing file is replaced.
     *
     * @param file where to write; its name decides the format
     * @throws IllegalArgumentException if {@code file} is null or its name ends otherwise
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
     * The bytes that {@link #write(Path)} writes for a file of this name, for callers that write them
     * elsewhere (a zip, a response).
     *
     * @param file the file name; only its last element's ending is read, ignoring case
     * @return the SVG as UTF-8, or the PNG at scale 1
     * @throws IllegalArgumentException if the name ends neither {@code .svg} nor {@code .png}
     * @throws NullPointerException     if {@code file} is null
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

    /** What the plot is: {@code "forest plot 'Recording rates: Cambridgeshire', 1010 x 384 pixels"}. */
    @Override
    public String toString() {
        String kind = getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return kind + " '" + title() + "', " + width() + " x " + height() + " pixels";
    }
}
