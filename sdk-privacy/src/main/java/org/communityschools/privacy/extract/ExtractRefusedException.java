package org.communityschools.privacy.extract;

import org.communityschools.core.CommunitySchoolsException;

/**
 * Thrown when a research extract may not be made: the agreement is unknown, not a studies or audit/evaluation
 * agreement, not active or not in force, grants nothing an extract can carry, or k-anonymity cannot be reached under
 * the chosen strategy. Privacy fails closed: nothing is written.
 */
public class ExtractRefusedException extends CommunitySchoolsException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception stating the broken rule.
     *
     * @param message the rule that was broken
     */
    public ExtractRefusedException(String message) {
        super(message);
    }
}
