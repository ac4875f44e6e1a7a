package org.communityschools.interop;

import java.util.List;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;

/**
 * The violations an import found, and the views of them every import result offers ({@link EdFiImportResult},
 * {@link OneRosterImportResult}): the kept violations in file then line order and the totals found, kept or not.
 */
public interface ImportViolations {
    /** {@return the kept violations (errors and warnings), in file then line order} */
    List<Violation> violations();

    /** {@return errors found, kept or not} */
    long errorCount();

    /** {@return warnings found, kept or not} */
    long warningCount();

    /** {@return the kept errors} */
    default List<Violation> errors() {
        return violations().stream().filter(v -> v.severity() == Severity.ERROR).toList();
    }

    /** {@return the kept warnings} */
    default List<Violation> warnings() {
        return violations().stream().filter(v -> v.severity() == Severity.WARNING).toList();
    }

    /**
     * {@return the kept violations of one rule}
     *
     * @param rule a rule code, such as {@code enrollment.no-overlap-at-school}
     */
    default List<Violation> violations(String rule) {
        return violations().stream().filter(v -> v.rule().equals(rule)).toList();
    }

    /** {@return whether any error was found} */
    default boolean hasErrors() {
        return errorCount() > 0;
    }
}
