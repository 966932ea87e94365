package org.recordingrate.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the texts of a plot's SVG and checks that each lies inside the picture, its extent
 * taken from the same width estimate the layout uses ({@link TextWidths}) and from the font size
 * above and below the baseline: "nothing clipped", checked on the picture itself.
 */
final class SvgBounds {

    private SvgBounds() {
    }

    private static final Pattern SIZE = Pattern.compile("<svg [^>]*width=\"([0-9.]+)\" height=\"([0-9.]+)\"");
    private static final Pattern TEXT = Pattern.compile(
            "<text x=\"([-0-9.]+)\" y=\"([-0-9.]+)\"(?: transform=\"translate\\(([-0-9.]+) ([-0-9.]+)\\) rotate\\(-90\\)\")?"
                    + " font-size=\"([0-9.]+)\"( font-weight=\"bold\")? text-anchor=\"(start|middle|end)\"[^>]*>([^<]*)</text>");

    /** A text's box: left, top, right, bottom. */
    record Box(String text, double left, double top, double right, double bottom) {
        boolean overlaps(Box o) {
            return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
        }
    }

    /** Every text's box. */
    static List<Box> texts(String svg) {
        List<Box> boxes = new ArrayList<>();
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            String text = m.group(8).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&#39;", "'");
            double size = Double.parseDouble(m.group(5));
            double width = TextWidths.width(text, size, m.group(6) != null);
            double start = switch (m.group(7)) {
                case "start" -> 0;
                case "middle" -> -width / 2;
                default -> -width;
            };
            if (m.group(3) == null) {
                double x = Double.parseDouble(m.group(1));
                double y = Double.parseDouble(m.group(2));
                boxes.add(new Box(text, x + start, y - size * TextWidths.CAP_HEIGHT, x + start + width,
                        y + size * TextWidths.DESCENT));
            } else {
                // turned a quarter left: the text runs upwards from (tx, ty)
                double tx = Double.parseDouble(m.group(3));
                double ty = Double.parseDouble(m.group(4));
                boxes.add(new Box(text, tx - size * TextWidths.CAP_HEIGHT, ty - start - width, tx + size * TextWidths.DESCENT,
                        ty - start));
            }
        }
        return boxes;
    }

    /** Checks that every text lies inside the picture, and returns the boxes. */
    static List<Box> assertInside(String svg) {
        Matcher size = SIZE.matcher(svg);
        assertTrue(size.find(), "no size in the SVG");
        double width = Double.parseDouble(size.group(1));
        double height = Double.parseDouble(size.group(2));
        List<Box> boxes = texts(svg);
        assertTrue(!boxes.isEmpty(), "no text found in the SVG");
        for (Box box : boxes) {
            assertTrue(box.left() >= 0 && box.right() <= width && box.top() >= 0 && box.bottom() <= height,
                    "text '" + box.text() + "' at " + box + " leaves the picture " + width + " x " + height);
        }
        return boxes;
    }
}
