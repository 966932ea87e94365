package org.recordingrate.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Mutations of a CSV file's bytes, one to four per input, chosen by a seeded generator. */
final class Mutator {

    private Mutator() {
    }

    static byte[] mutate(byte[] seed, SplittableRandom random, String[] cells) {
        byte[] bytes = seed;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            bytes = once(bytes, random, cells);
        }
        return bytes;
    }

    private static byte[] once(byte[] bytes, SplittableRandom random, String[] cells) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        switch (random.nextInt(16)) {
            case 0, 1, 2, 3: { // replace one cell of one line
                int line = random.nextInt(lines.size());
                String[] parts = lines.get(line).split(",", -1);
                parts[random.nextInt(parts.length)] = cells[random.nextInt(cells.length)];
                lines.set(line, String.join(",", parts));
                return join(lines);
            }
            case 4: // drop a line
                if (lines.size() > 1) {
                    lines.remove(random.nextInt(lines.size()));
                }
                return join(lines);
            case 5: { // double a line
                int line = random.nextInt(lines.size());
                lines.add(line, lines.get(line));
                return join(lines);
            }
            case 6: { // swap two lines
                int a = random.nextInt(lines.size());
                int b = random.nextInt(lines.size());
                String kept = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, kept);
                return join(lines);
            }
            case 7: // another delimiter
                return text.replace(",", random.nextBoolean() ? ";" : "\t").getBytes(StandardCharsets.UTF_8);
            case 8: // CRLF or lone CR line ends
                return text.replace("\n", random.nextBoolean() ? "\r\n" : "\r").getBytes(StandardCharsets.UTF_8);
            case 9: { // a byte-order mark, or no final newline
                if (random.nextBoolean()) {
                    return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
                }
                return text.stripTrailing().getBytes(StandardCharsets.UTF_8);
            }
            case 10: { // flip a byte
                byte[] copy = bytes.clone();
                if (copy.length > 0) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            case 11: // cut the file anywhere
                return Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
            case 12: { // insert invalid UTF-8 or NUL
                byte[][] junk = {{(byte) 0xC3, (byte) 0x28}, {0}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
                int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                return concat(concat(Arrays.copyOf(bytes, at), junk[random.nextInt(junk.length)]),
                        Arrays.copyOfRange(bytes, at, bytes.length));
            }
            case 13: { // a quote somewhere
                int at = text.isEmpty() ? 0 : random.nextInt(text.length());
                return (text.substring(0, at) + "\"" + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case 14: { // an extra or a missing cell
                int line = random.nextInt(lines.size());
                String current = lines.get(line);
                lines.set(line, random.nextBoolean() ? current + ",extra"
                        : current.contains(",") ? current.substring(0, current.lastIndexOf(',')) : current);
                return join(lines);
            }
            default: { // a header name changed
                String[] parts = lines.get(0).split(",", -1);
                int at = random.nextInt(parts.length);
                parts[at] = random.nextBoolean() ? parts[at].toUpperCase(java.util.Locale.ROOT) + " " : parts[at] + "x";
                lines.set(0, String.join(",", parts));
                return join(lines);
            }
        }
    }

    private static byte[] join(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
