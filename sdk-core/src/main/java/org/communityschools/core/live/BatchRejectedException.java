package org.communityschools.core.live;

import java.util.List;
import java.util.Objects;
import org.communityschools.core.CommunitySchoolsException;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;

/**
 * Thrown when a batch of changes breaks a rule: nothing of the batch was applied. Carries every violation found, each
 * located at the change's origin ({@link Violation#file()} is the change's source, {@link Violation#line()} its
 * position) with the rule code of the district data directory ({@code attendance.within-enrollment}, ...) or of the
 * change model ({@code change.repeated-key}, {@code change.unknown-key}). A rule broken by a record the batch does
 * not touch (an attendance row left outside an enrollment the batch deletes) is located at the change of the batch
 * that concerns the same student or staff member, and its message names the record's key.
 */
public final class BatchRejectedException extends CommunitySchoolsException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * An exception for these violations (at least one error).
     *
     * @param violations the violations of the batch, located at the change that broke each rule
     */
    public BatchRejectedException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    private static String summary(List<Violation> violations) {
        Objects.requireNonNull(violations, "violations");
        long errors = violations.stream().filter(v -> v.severity() == Severity.ERROR).count();
        String first = violations.stream().filter(v -> v.severity() == Severity.ERROR).findFirst()
                .map(Violation::toString).orElse("");
        return errors + " error(s) in the batch of changes; nothing was applied. First: " + first;
    }

    /** {@return the violations, in the order of the changes} */
    public List<Violation> violations() {
        return violations;
    }
}
