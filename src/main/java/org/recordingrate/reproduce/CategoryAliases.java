package org.recordingrate.reproduce;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;
import org.recordingrate.io.CsvInput;
import org.recordingrate.model.Names;

/**
 * Names for the crime categories the inspectorate labels differently from report to report: "all
 * reported crime (excluding fraud)", "all crime (excl. fraud)" and "all crime" are one category,
 * so that figures pair across inspections and read as one column.
 *
 * <p><b>Your aliases</b> ({@link #with(String, String)}, {@link #parse(String)}: {@code "all crime
 * (excl. fraud)=all crime"}, or a file of them, {@link #read(Path)}) map a label to a category,
 * matched by the rule of {@link Names} (case and spacing ignored). They come first.
 *
 * <p><b>The built-in reading</b> of an inspection report's label ({@link #category(String)}): the
 * label is cleaned of a leading "all reported", "reported", "all" or "these", of a trailing
 * parenthesis ("(excluding fraud)") and of a final "crimes" or "offences" where that leaves a name;
 * then "all crime" stands for what is left of all crime ("crime", "all crime", "crime overall"),
 * "violence" for any label about violence ("violent crime", "violence against the person"),
 * "sexual offences" for any about sexual offences, "other crime" for "other crime" and "other
 * offences"; any other label is kept, cleaned and in lower case ("reported burglary" reads
 * "burglary"). Your aliases are tried on the label as written and on the cleaned label.
 *
 * <p>Immutable and thread-safe.
 */
public final class CategoryAliases {

    private static final CategoryAliases NONE = new CategoryAliases(Map.of());

    private static final Pattern LEADING = Pattern.compile("^(?:(?:all|reported|these|the|of)\\s+)+");
    private static final Pattern TRAILING_PARENTHESIS = Pattern.compile("\\s*\\([^()]*\\)\\s*$");
    private static final Pattern TRAILING_NOUN = Pattern.compile("\\s+(?:crimes|offences|offenses)$");

    /** Label key to category, in the order given. */
    private final Map<String, String> aliases;

    private CategoryAliases(Map<String, String> aliases) {
        this.aliases = Collections.unmodifiableMap(aliases);
    }

    /**
     * No aliases of your own: the built-in reading alone.
     *
     * @return the empty set of aliases
     */
    public static CategoryAliases none() {
        return NONE;
    }

    /**
     * These aliases and one more: {@code label} reads as {@code category}. A label given again
     * takes the later category.
     *
     * @param label    the label as some report or file writes it, e.g. {@code "all crime (excl. fraud)"}
     * @param category the category it stands for, e.g. {@code "all crime"}
     * @return a new set of aliases
     * @throws IllegalArgumentException naming {@code alias} if either is null or blank
     */
    public CategoryAliases with(String label, String category) {
        if (label == null || label.isBlank() || category == null || category.isBlank()) {
            throw new ArgumentException("alias", "alias ('" + label + "=" + category + "') needs a label and a"
                    + " category, as in \"all crime (excl. fraud)=all crime\"");
        }
        Map<String, String> more = new LinkedHashMap<>(aliases);
        more.put(Names.key(label), category.strip().replaceAll("(?U)\\s+", " "));
        return new CategoryAliases(more);
    }

    /**
     * These aliases and one written {@code LABEL=CATEGORY} (split at the last {@code =}).
     *
     * @param alias e.g. {@code "all crime (excl. fraud)=all crime"}
     * @return a new set of aliases
     * @throws IllegalArgumentException naming {@code alias} when there is no {@code =} or a side is blank
     */
    public CategoryAliases parse(String alias) {
        Args.notNull("alias", alias);
        int equals = alias.lastIndexOf('=');
        if (equals < 0) {
            throw new ArgumentException("alias", "alias ('" + alias + "') must read LABEL=CATEGORY, as in"
                    + " \"all crime (excl. fraud)=all crime\"");
        }
        return with(alias.substring(0, equals), alias.substring(equals + 1));
    }

    /**
     * These aliases and those of a CSV file with columns {@code label,category} (a row each), read by
     * the library's one CSV reader ({@link CsvInput}).
     *
     * @param file the file
     * @return a new set of aliases
     * @throws IllegalArgumentException (a located {@link org.recordingrate.io.DataFileException}) for a
     *                                  missing file or column, or a blank cell
     */
    public CategoryAliases read(Path file) {
        Args.notNull("file", file);
        CsvInput input = CsvInput.read(file).require("label", "category");
        CategoryAliases all = this;
        for (CsvInput.Row row : input.rows()) {
            CategoryAliases before = all;
            all = row.construct(Map.of("alias", "label"), () -> before.with(row.text("label"), row.text("category")));
        }
        return all;
    }

    /**
     * The aliases given, label key to category, in order.
     *
     * @return an unmodifiable map; empty for {@link #none()}
     */
    public Map<String, String> aliases() {
        return aliases;
    }

    /**
     * A label under your aliases alone: the category it is an alias of, else the label itself.
     * For pairing rows of a file, where the built-in reading would be a surprise.
     *
     * @param label a label, as written
     * @return the category, or {@code label} unchanged when no alias matches
     * @throws IllegalArgumentException if {@code label} is null
     */
    public String alias(String label) {
        Args.notNull("label", label);
        return aliases.getOrDefault(Names.key(label), label);
    }

    /**
     * The category a report's label stands for: your aliases, then the built-in reading of the
     * class comment.
     *
     * @param label the label as the report writes it, e.g. {@code "all reported crime (excluding fraud)"}
     * @return the category, in lower case unless an alias says otherwise, e.g. {@code "all crime"}
     * @throws IllegalArgumentException if {@code label} is null or blank
     */
    public String category(String label) {
        Args.notBlank("label", label);
        String own = aliases.get(Names.key(label));
        if (own != null) {
            return own;
        }
        String cleaned = clean(label);
        own = aliases.get(Names.key(cleaned));
        if (own != null) {
            return own;
        }
        return builtIn(cleaned);
    }

    /** The label without "reported", "all", a trailing parenthesis or a final "crimes"/"offences". */
    static String clean(String label) {
        String text = Names.key(label.replace('\u2019', '\''));
        String previous;
        do {
            previous = text;
            text = TRAILING_PARENTHESIS.matcher(text).replaceAll("");
            text = LEADING.matcher(text).replaceAll("");
        } while (!text.equals(previous));
        String shorter = TRAILING_NOUN.matcher(text).replaceAll("");
        if (!shorter.isEmpty() && !List.of("other", "sexual", "violent").contains(shorter)) {
            text = shorter;
        }
        return text.isEmpty() ? Names.key(label) : text;
    }

    private static String builtIn(String cleaned) {
        if (cleaned.equals("crime") || cleaned.equals("crime overall") || cleaned.equals("crimes")
                || cleaned.equals("all crime") || cleaned.equals("overall") || cleaned.startsWith("crime (")) {
            return Names.ALL_CRIME;
        }
        if (cleaned.contains("sexual") || cleaned.contains("sex offence")) {
            return "sexual offences";
        }
        if (cleaned.contains("violen")) {
            return "violence";
        }
        if (cleaned.equals("other") || cleaned.startsWith("other crime") || cleaned.startsWith("other offence")
                || cleaned.equals("all other crime")) {
            return "other crime";
        }
        return cleaned;
    }

    @Override
    public String toString() {
        return "CategoryAliases" + aliases.toString().replace('{', '[').replace('}', ']');
    }
}
