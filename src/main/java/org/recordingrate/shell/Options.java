package org.recordingrate.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.DecimalText;
import org.recordingrate.model.Token;

/**
 * The options of one verb, read from the strings the analyst types after the verb's data, in any
 * order, the command line's tokens without the option names: a method or test by its token
 * ({@code "newcombe"}, {@code "fisher_exact"}, {@code "improved"}), which says by itself which choice
 * it makes, or a number as {@code name=value} ({@code "confidence=0.99"}, {@code "seed=42"}). Each
 * choice and each name at most once; anything else is refused with the verb's accepted options.
 */
final class Options {

    /**
     * A kind of choice a verb takes by token: its label for messages, its enum, and the name that
     * picks it explicitly ({@code changes=wald}) where a token would name two kinds.
     */
    private record Choice(String label, Class<?> type, String name) {
        List<Token> constants() {
            List<Token> all = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                all.add((Token) constant);
            }
            return all;
        }
    }

    private final String verb;
    private final List<Choice> choices = new ArrayList<>();
    /** A word of its own: its meaning for messages, and the choice it stands for (excluding its constants). */
    private record Word(String meaning, Class<?> standsFor) {
    }

    private final Map<String, Word> words = new LinkedHashMap<>();
    private final Set<String> names = new LinkedHashSet<>();
    private final Map<Class<?>, Token> chosen = new LinkedHashMap<>();
    private final Set<String> wordsGiven = new LinkedHashSet<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private Options(String verb) {
        this.verb = verb;
    }

    /**
     * The options of {@code verb}, to be declared by {@link #choice}, {@link #word} and {@link #named},
     * then read by {@link #read}.
     */
    static Options of(String verb) {
        return new Options(verb);
    }

    /**
     * A choice by token, e.g. {@code choice("interval method", DifferenceMethod.class, "method")}: typed
     * as the token alone ({@code "newcombe"}), or as {@code name=token} ({@code "method=newcombe"}),
     * which also settles a token that two of the verb's choices have ({@code wald} for rates and for
     * changes in a report).
     */
    <E extends Enum<E> & Token> Options choice(String label, Class<E> type, String name) {
        choices.add(new Choice(label, type, name));
        return this;
    }

    /**
     * A word of its own that stands for a choice of {@code standsFor}: {@code "permutation"} (a test
     * that is no constant), {@code "all"} (every method). A constant of that choice and the word
     * exclude each other.
     */
    <E extends Enum<E> & Token> Options word(String word, String meaning, Class<E> standsFor) {
        words.put(word, new Word(meaning, standsFor));
        return this;
    }

    /** Numbers given as {@code name=value}. */
    Options named(String... more) {
        names.addAll(List.of(more));
        return this;
    }

    /**
     * Reads what was typed.
     *
     * @throws ArgumentException naming the option for a null, an unknown token or name, a token that
     *                           names two kinds of choice, or a choice or name given twice
     */
    Options read(String... given) {
        if (given == null) {
            throw new ArgumentException("options", verb + ": options (null) must be strings such as " + example());
        }
        for (String option : given) {
            if (option == null) {
                throw new ArgumentException("options", verb + ": an option is null; options are strings such as "
                        + example());
            }
            int equals = option.indexOf('=');
            Optional<Choice> named = equals < 0 ? Optional.empty() : choices.stream()
                    .filter(c -> c.name().equals(Args.token(option.substring(0, equals)))).findFirst();
            if (named.isPresent()) {
                String token = Args.token(option.substring(equals + 1));
                Token match = named.get().constants().stream()
                        .filter(c -> c.token().equals(token) || c.aliases().contains(token)).findFirst()
                        .orElseThrow(() -> new ArgumentException(named.get().name(), verb + ": " + named.get().name()
                                + " ('" + option.substring(equals + 1) + "') must be one of " + String.join(", ",
                                named.get().constants().stream().map(Token::token).toList())));
                take(named.get(), match, token);
                continue;
            }
            if (equals >= 0) {
                String name = Args.token(option.substring(0, equals));
                if (!names.contains(name)) {
                    throw new ArgumentException(name, verb + ": '" + option + "' names no number that " + verb
                            + " takes; " + accepted());
                }
                if (values.putIfAbsent(name, option.substring(equals + 1).strip()) != null) {
                    throw new ArgumentException(name, verb + ": " + name + " is given twice");
                }
                continue;
            }
            String token = Args.token(option);
            List<String> kinds = new ArrayList<>();
            Token match = null;
            Choice matched = null;
            for (Choice choice : choices) {
                for (Token constant : choice.constants()) {
                    if (constant.token().equals(token) || constant.aliases().contains(token)) {
                        kinds.add(choice.label());
                        match = constant;
                        matched = choice;
                    }
                }
            }
            if (words.containsKey(token)) {
                kinds.add(words.get(token).meaning());
            }
            if (kinds.isEmpty()) {
                throw new ArgumentException("options", verb + ": '" + option + "' is not an option of " + verb + "; "
                        + accepted());
            }
            if (kinds.size() > 1) {
                List<String> ways = new ArrayList<>();
                for (Choice choice : choices) {
                    if (choice.constants().stream().anyMatch(c -> c.token().equals(token) || c.aliases().contains(token))) {
                        ways.add("\"" + choice.name() + "=" + token + "\" for the " + choice.label());
                    }
                }
                throw new ArgumentException("options", verb + ": '" + option + "' names both a " + String.join(" and a ",
                        kinds) + ": write " + String.join(" or ", ways));
            }
            take(matched, match, token);
        }
        return this;
    }

    /** Records a choice (a constant, or a word when {@code match} is null), refusing a second of its kind. */
    private void take(Choice matched, Token match, String token) {
        Class<?> type = matched == null ? words.get(token).standsFor() : matched.type();
        String earlier = chosen.containsKey(type) ? chosen.get(type).token()
                : wordsGiven.stream().filter(w -> words.get(w).standsFor() == type).findFirst().orElse(null);
        if (earlier != null) {
            throw new ArgumentException("options", verb + ": '" + earlier + "' and '" + token + "' both given: give one"
                    + (matched == null ? "" : " " + matched.label()));
        }
        if (matched == null) {
            wordsGiven.add(token);
        } else {
            chosen.put(type, match);
        }
    }

    /** The constant chosen of {@code type}, if one was typed. */
    <E extends Enum<E> & Token> Optional<E> choice(Class<E> type) {
        return Optional.ofNullable(type.cast(chosen.get(type)));
    }

    /** The constant chosen of {@code type}, else {@code fallback}. */
    <E extends Enum<E> & Token> E choice(Class<E> type, E fallback) {
        return choice(type).orElse(fallback);
    }

    /** Whether a word of its own was typed. */
    boolean has(String word) {
        return wordsGiven.contains(word);
    }

    /** Whether {@code name=...} was typed. */
    boolean given(String name) {
        return values.containsKey(name);
    }

    /** The number typed as {@code name=value}, if any. */
    OptionalDouble number(String name) {
        String text = values.get(name);
        if (text == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(DecimalText.number(text));
        } catch (ArgumentException e) {
            throw new ArgumentException(name, verb + ": " + name + " ('" + DecimalText.printable(text) + "') "
                    + e.getMessage());
        }
    }

    /** The number typed as {@code name=value}, else {@code fallback}. */
    double number(String name, double fallback) {
        return number(name).orElse(fallback);
    }

    /** The whole number typed as {@code name=value}, if any. */
    OptionalLong whole(String name) {
        String text = values.get(name);
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(DecimalText.whole(text));
        } catch (ArgumentException e) {
            throw new ArgumentException(name, verb + ": " + name + " ('" + DecimalText.printable(text) + "') "
                    + e.getMessage());
        }
    }

    /** The whole number typed as {@code name=value}, else {@code fallback}. */
    long whole(String name, long fallback) {
        return whole(name).orElse(fallback);
    }

    /** The text typed as {@code name=value}, if any (a force to highlight, a label). */
    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** What this verb accepts, for messages and help. */
    String accepted() {
        List<String> parts = new ArrayList<>();
        for (Choice choice : choices) {
            parts.add(choice.label() + " (" + choice.name() + "=): " + String.join(", ",
                    choice.constants().stream().map(Token::token).toList()));
        }
        words.forEach((word, meaning) -> parts.add(meaning.meaning() + ": " + word));
        if (!names.isEmpty()) {
            parts.add("numbers: " + String.join(", ", names.stream().map(n -> n + "=...").toList()));
        }
        return parts.isEmpty() ? "it takes no options" : "it takes " + String.join("; ", parts);
    }

    private String example() {
        if (!choices.isEmpty()) {
            return "\"" + choices.get(0).constants().get(0).token() + "\"" + (names.isEmpty() ? ""
                    : " or \"" + names.iterator().next() + "=...\"");
        }
        return names.isEmpty() ? "none" : "\"" + names.iterator().next() + "=...\"";
    }
}
