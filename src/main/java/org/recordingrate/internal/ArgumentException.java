package org.recordingrate.internal;

/**
 * A bad argument, knowing which one: the {@link IllegalArgumentException} that every check in
 * {@link Args} throws. The message names the argument and the value ("recorded (205) must not
 * exceed audited (202)"); {@link #argument()} gives the argument's name alone, so that a file
 * reader can blame the right column when it wraps a domain constructor.
 *
 * <p>Not part of the API: callers catch {@link IllegalArgumentException}.
 */
public final class ArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String argument;

    /**
     * @param argument the argument's name as the API spells it, e.g. {@code "audited"}
     * @param message  the whole message, naming the argument and the value
     */
    public ArgumentException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    /** The name of the bad argument, e.g. {@code "recorded"}. */
    public String argument() {
        return argument;
    }
}
