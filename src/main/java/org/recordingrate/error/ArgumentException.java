package org.recordingrate.error;

/**
 * A bad argument, knowing which one: what every public method of the library throws when an
 * argument is out of its range, null where a value is needed, or a token that names nothing. The
 * message names the argument and the value ("recorded (205) must not exceed audited (202)");
 * {@link #argument()} gives the argument's name alone, so that a caller (or a file reader wrapping a
 * constructor) can point at the right field or column.
 *
 * <p>It is an {@link IllegalArgumentException}, so code that catches that keeps working; catch this
 * type to know which argument was wrong. Unchecked, as every exception of the library.
 */
public class ArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String argument;

    /**
     * A bad argument.
     *
     * @param argument the argument's name as the API spells it, e.g. {@code "audited"}
     * @param message  the whole message, naming the argument and the value
     */
    public ArgumentException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    /**
     * The name of the bad argument as the API spells it.
     *
     * @return the name, e.g. {@code "recorded"}
     */
    public String argument() {
        return argument;
    }
}
