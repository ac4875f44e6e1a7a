package org.communityschools.interop;

import java.util.List;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;

/**
 * The violations an import found, and the views of them every import result offers ({@link EdFiImportResult},
 * {@link OneRosterImportResult}): the kept violations in file then line order and the totals found, kept or not.
 */
public interface ImportViolations {
    /** The kept violations (errors and warnings), in file then line order. */
    List<Violation> violations();

    /** Errors found, kept or not. */
    long errorCount();

    /** Warnings found, kept or not. */
    long warningCount();

    /** The kept errors. */
    default List<Violation> errors() {
        return violations().stream().filter(v -> v.severity() == Severity.ERROR).toList();
    }

    /** The kept warnings. */
    default List<Violation> warnings() {
        return violations().stream().filter(v -> v.severity() == Severity.WARNING).toList();
    }

    /** The kept violations of one rule. */
    default List<Violation> violations(String rule) {
        return violations().stream().filter(v -> v.rule().equals(rule)).toList();
    }

    /** Whether any error was found. */
    default boolean hasErrors() {
        return errorCount() > 0;
    }
}
