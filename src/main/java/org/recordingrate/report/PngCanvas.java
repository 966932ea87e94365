package org.recordingrate.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import javax.imageio.ImageIO;

/**
 * A {@link Canvas} painted with Java2D into an RGB image and written as PNG by ImageIO: no display
 * needed (it works with {@code java.awt.headless=true}, as on a server or in CI). Antialiased;
 * {@code scale} multiplies every pixel (2 for high-density screens). Text uses DejaVu Sans when the
 * machine has it, else the JDK's logical SansSerif; a text wider than the layout allowed for it
 * ({@link TextWidths}) is drawn smaller so that it still fits, so nothing overruns its place
 * whatever the fonts.
 */
final class PngCanvas implements Canvas {

    /** The family the layout's widths come from. */
    private static final String PREFERRED = "DejaVu Sans";
    private static final String FAMILY = family();

    private final BufferedImage image;
    private final Graphics2D g;

    /**
     * @param width  width in pixels at scale 1
     * @param height height in pixels at scale 1
     * @param scale  pixels per layout pixel, at least 0.25
     */
    PngCanvas(double width, double height, double scale) {
        int w = (int) Math.ceil(width * scale);
        int h = (int) Math.ceil(height * scale);
        image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.scale(scale, scale);
    }

    private static String family() {
        try {
            Set<String> families = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
            return families.contains(PREFERRED) ? PREFERRED : Font.SANS_SERIF;
        } catch (RuntimeException | Error e) {
            // a JDK without font configuration: the logical font is still there
            return Font.SANS_SERIF;
        }
    }

    /** The image painted so far. */
    BufferedImage image() {
        return image;
    }

    /** The image as PNG bytes. */
    byte[] finish() {
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Pen pen) {
        draw(new Line2D.Double(x1, y1, x2, y2), pen);
    }

    @Override
    public void polyline(double[] x, double[] y, Pen pen) {
        Path2D.Double path = new Path2D.Double();
        boolean down = false;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                down = false;
                continue;
            }
            if (down) {
                path.lineTo(x[i], y[i]);
            } else {
                path.moveTo(x[i], y[i]);
            }
            down = true;
        }
        draw(path, pen);
    }

    @Override
    public void rect(double x, double y, double width, double height, int fill, Pen pen) {
        Rectangle2D.Double shape = new Rectangle2D.Double(x, y, width, height);
        fill(shape, fill);
        draw(shape, pen);
    }

    @Override
    public void circle(double cx, double cy, double r, int fill, Pen pen) {
        Ellipse2D.Double shape = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        fill(shape, fill);
        draw(shape, pen);
    }

    @Override
    public void polygon(double[] x, double[] y, int fill, Pen pen) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x[0], y[0]);
        for (int i = 1; i < x.length; i++) {
            path.lineTo(x[i], y[i]);
        }
        path.closePath();
        fill(path, fill);
        draw(path, pen);
    }

    @Override
    public void text(double x, double y, String text, Type type) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        paint(text, type);
        g.setTransform(saved);
    }

    @Override
    public void textUp(double x, double y, String text, Type type) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        paint(text, type);
        g.setTransform(saved);
    }

    /** Paints text at the origin, anchored as asked, shrunk if the real font is wider than estimated. */
    private void paint(String text, Type type) {
        Font font = new Font(FAMILY, type.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) type.size());
        FontRenderContext context = g.getFontRenderContext();
        double actual = font.getStringBounds(text, context).getWidth();
        double allowed = type.width(text);
        if (actual > allowed * 1.01 && actual > 0) {
            font = font.deriveFont((float) (type.size() * allowed / actual));
            actual = font.getStringBounds(text, context).getWidth();
        }
        double dx = switch (type.anchor()) {
            case START -> 0;
            case MIDDLE -> -actual / 2;
            case END -> -actual;
        };
        g.setFont(font);
        g.setColor(new Color(type.rgb()));
        g.drawString(text, (float) dx, 0f);
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        g.setClip(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void unclip() {
        g.setClip(null);
    }

    private void fill(Shape shape, int rgb) {
        if (rgb != NONE) {
            g.setColor(new Color(rgb));
            g.fill(shape);
        }
    }

    private void draw(Shape shape, Pen pen) {
        if (pen == null) {
            return;
        }
        float[] dash = null;
        if (pen.dash().length > 0) {
            dash = new float[pen.dash().length];
            for (int i = 0; i < dash.length; i++) {
                dash[i] = (float) pen.dash()[i];
            }
        }
        g.setStroke(new BasicStroke((float) pen.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
        g.setColor(new Color(pen.rgb()));
        g.draw(shape);
    }

    @Override
    public String toString() {
        return "PngCanvas[" + image.getWidth() + "x" + image.getHeight() + ", " + FAMILY + "]";
    }
}
