import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a synthetic population of incident records for the planning and selection examples:
 * {@code record_id,category,reported_on,recorded}. Not real data.
 *
 * <pre>
 * java examples/MakePopulation.java ROWS SEED [FILE]      (FILE omitted: standard output)
 * java examples/MakePopulation.java 12000 2022 examples/data/population.csv
 * java examples/MakePopulation.java 5000000 2022 target/population-5m.csv
 * </pre>
 *
 * <p>Categories and their shares of the records follow the seed report's audit (violence,
 * sexual offences, other crime: 40%, 5% and 55%). {@code recorded} is the synthetic truth an
 * audit would find (yes with probability 0.89, 0.95 and 0.93 by category): a real export has no
 * such column; the examples carry it through selection to stand in for the auditors' findings.
 * Record ids {@code INC} + 8 digits are distinct for up to 10^8 rows ((48271 i + 12345) mod 10^8
 * is a bijection, 48271 being coprime with 10), and appear in no particular order. Dates run over
 * 2021-04-01 to 2022-03-31. The same ROWS and SEED give the same bytes on any machine:
 * {@link SplittableRandom}'s algorithm (SplitMix64) is specified by the JDK.
 */
public final class MakePopulation {

    private static final String[] CATEGORIES = {"violence", "sexual offences", "other crime"};
    private static final double[] CUMULATIVE_SHARE = {0.40, 0.45, 1.0};
    private static final double[] RECORDED = {0.89, 0.95, 0.93};

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java examples/MakePopulation.java ROWS SEED [FILE]");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0]);
        if (rows < 0 || rows > 100_000_000L) {
            System.err.println("ROWS (" + rows + ") must lie between 0 and 100000000");
            System.exit(2);
        }
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[1]));
        LocalDate first = LocalDate.of(2021, 4, 1);
        try (Writer out = new BufferedWriter(args.length == 3
                ? Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)
                : new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("record_id,category,reported_on,recorded\n");
            StringBuilder line = new StringBuilder(64);
            for (long i = 0; i < rows; i++) {
                double u = random.nextDouble();
                int c = u < CUMULATIVE_SHARE[0] ? 0 : u < CUMULATIVE_SHARE[1] ? 1 : 2;
                line.setLength(0);
                line.append("INC").append(String.format("%08d", (48271 * i + 12345) % 100_000_000L)).append(',')
                        .append(CATEGORIES[c]).append(',').append(first.plusDays(random.nextInt(365))).append(',')
                        .append(random.nextDouble() < RECORDED[c] ? "yes" : "no").append('\n');
                out.append(line);
            }
        }
    }
}
