package org.communityschools.privacy.publication;

import java.util.List;
import org.communityschools.core.CommunitySchoolsException;

/** Thrown by {@link ProtectedTable#orThrow()} when the audit refused the release; the message lists the reasons. */
public class ReleaseRefusedException extends CommunitySchoolsException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> reasons;

    /**
     * An exception for these refusal reasons.
     *
     * @param reasons why the release was refused, one reason each
     */
    public ReleaseRefusedException(List<String> reasons) {
        super("release refused by the suppression audit: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    /** {@return the reasons, one per unprotected cell} */
    public List<String> reasons() {
        return reasons;
    }
}
