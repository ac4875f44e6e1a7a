package org.communityschools.core;

/**
 * The root of the SDK's exceptions. Every exception the SDK throws for bad data or a refused operation is a
 * subtype; misuse of the API (a null argument, an out-of-range setting) throws the JDK's
 * {@link IllegalArgumentException} or {@link IllegalStateException} instead. Messages state the rule that was
 * broken and never contain a student's personal data.
 */
public class CommunitySchoolsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with this message.
     *
     * @param message what went wrong, naming the rule broken
     */
    public CommunitySchoolsException(String message) {
        super(message);
    }

    /**
     * An exception with this message and cause.
     *
     * @param message what went wrong, naming the rule broken
     * @param cause the exception that caused it
     */
    public CommunitySchoolsException(String message, Throwable cause) {
        super(message, cause);
    }
}
