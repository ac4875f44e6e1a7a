package org.communityschools.core.data;

/** How serious a {@link Violation} is. */
public enum Severity {
    /** The row (or file) is rejected; a strict read loads nothing. */
    ERROR,
    /** Reported, but nothing is rejected (an unknown column, say). */
    WARNING
}
