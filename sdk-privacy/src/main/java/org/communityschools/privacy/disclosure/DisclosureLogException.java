package org.communityschools.privacy.disclosure;

import java.util.Optional;
import org.communityschools.core.CommunitySchoolsException;
import org.jspecify.annotations.Nullable;

/**
 * A disclosure log cannot be used: it is not intact (the {@link #report()} says where and why), it is in use by
 * another sink, it cannot be repaired, or the file system failed. A sink that threw this on {@code append} recorded
 * nothing it acknowledged, and refuses further appends (the disclosure must then be refused too: privacy fails
 * closed).
 */
public class DisclosureLogException extends CommunitySchoolsException {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable VerificationReport report;

    /**
     * An exception with this message.
     *
     * @param message what went wrong
     */
    public DisclosureLogException(String message) {
        super(message);
        this.report = null;
    }

    /**
     * An exception with this message and cause.
     *
     * @param message what went wrong
     * @param cause the exception that caused it
     */
    public DisclosureLogException(String message, Throwable cause) {
        super(message, cause);
        this.report = null;
    }

    /**
     * An exception for a log that failed verification.
     *
     * @param message what went wrong
     * @param report the verification report, with the first defect
     */
    public DisclosureLogException(String message, VerificationReport report) {
        super(message + ": " + report);
        this.report = report;
    }

    /** {@return the verification report, when the log failed verification} */
    public Optional<VerificationReport> report() {
        return Optional.ofNullable(report);
    }
}
