package org.communityschools.privacy.policy;

import java.util.Objects;
import org.communityschools.core.model.StaffId;

/**
 * One line of "who can see this" ({@link PolicyEngine#whoCanSee}): a staff member who may see a student's field for a
 * purpose, and why (the grant: legal basis, rule, agreement or consent). For special education fields this is the
 * list of persons with access that IDEA requires (34 CFR 300.623(d)). Immutable and thread-safe.
 *
 * @param staff   the staff member
 * @param purpose the purpose under which they may see it
 * @param grant   why
 */
public record Viewer(StaffId staff, Purpose purpose, Grant grant) {
    /**
     * Checks that nothing is missing.
     *
     * @param staff the staff member
     * @param purpose the purpose under which they may see it
     * @param grant why
     */
    public Viewer {
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(grant, "grant");
    }
}
