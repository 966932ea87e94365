package org.recordingrate.model;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;

/**
 * A choice that has a name on the command line, in CSV and JSON output and in JShell: an interval
 * method ({@code wilson}), a test ({@code fisher_exact}), an alternative ({@code two_sided}), ...
 * Every such enum implements this interface, so that reading a token, listing the valid ones and
 * the error for an unknown one are written once, here, and read the same way everywhere.
 *
 * <p>Reading rule ({@link #parse}): case and surrounding white space are ignored, and {@code -} or a
 * space inside reads as {@code _}, so {@code Clopper-Pearson}, {@code clopper pearson} and
 * {@code CLOPPER_PEARSON} all name {@code clopper_pearson}; {@link #aliases()} are accepted too
 * (R's and scipy's names, e.g. {@code greater} for {@code improved}).
 */
public interface Token {

    /**
     * The token: lower case with underscores, unique within its enum, and the value written in CSV
     * and JSON output. By default an enum constant's name in lower case ({@code CLOPPER_PEARSON} is
     * {@code clopper_pearson}), so that an enum writes no token plumbing of its own; a constant whose
     * token differs (an outlier band {@code 95}) or a class that is not an enum overrides it.
     *
     * @return the token, e.g. {@code clopper_pearson}
     * @throws UnsupportedOperationException from the default, for an implementation that is not an enum
     *                                       and does not override it
     */
    default String token() {
        if (this instanceof Enum<?> constant) {
            return constant.name().toLowerCase(java.util.Locale.ROOT);
        }
        throw new UnsupportedOperationException(getClass().getName() + " is not an enum: it must give its token");
    }

    /**
     * The name for people, as text output shows it.
     *
     * @return the display name, e.g. {@code "Clopper-Pearson"}; the token unless overridden
     */
    default String displayName() {
        return token();
    }

    /**
     * Other tokens accepted for this constant when reading (never written).
     *
     * @return the aliases, in the reading rule's normal form (lower case, underscores); none by default
     */
    default List<String> aliases() {
        return List.of();
    }

    /**
     * The constant of {@code type} that {@code text} names, by the reading rule of the class comment.
     *
     * @param type     the enum
     * @param argument the argument's or option's name for the message, e.g. {@code "method"}
     * @param text     the token as given; null names nothing
     * @param <E>      the enum type
     * @return the constant
     * @throws IllegalArgumentException naming {@code argument}, the value and the valid tokens, when
     *                                  {@code text} names no constant (its {@code argument()} is
     *                                  {@code argument})
     */
    static <E extends Enum<E> & Token> E parse(Class<E> type, String argument, String text) {
        String normalized = Args.token(text);
        for (E constant : type.getEnumConstants()) {
            if (constant.token().equals(normalized) || constant.aliases().contains(normalized)) {
                return constant;
            }
        }
        throw new ArgumentException(argument, argument + " (" + (text == null ? "null" : "'" + text + "'")
                + ") must be one of " + tokens(type));
    }

    /**
     * The tokens of {@code type}, for messages and help.
     *
     * @param type the enum
     * @param <E>  the enum type
     * @return the tokens in declaration order, separated by {@code ", "}
     */
    static <E extends Enum<E> & Token> String tokens(Class<E> type) {
        return Stream.of(type.getEnumConstants()).map(Token::token).collect(Collectors.joining(", "));
    }
}
