package org.communityschools.privacy.policy;

import java.util.List;
import java.util.Objects;
import org.communityschools.core.CommunitySchoolsException;

/**
 * A policy was refused: it could not be read, or it names unknown fields, categories, roles or purposes, or it has
 * contradictory or unreachable rules. Carries every problem found, each with its location and the code of the rule it
 * breaks; a refused policy is never half-loaded.
 */
public final class PolicyValidationException extends CommunitySchoolsException {
    private static final long serialVersionUID = 1L;

    private final transient List<PolicyProblem> problems;

    /**
     * An exception listing these problems (at least one).
     *
     * @param problems the problems, each located and coded
     */
    public PolicyValidationException(List<PolicyProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<PolicyProblem> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a policy validation exception lists at least one problem");
        }
        StringBuilder b = new StringBuilder("the policy was refused (").append(problems.size()).append(" problem")
                .append(problems.size() == 1 ? "" : "s").append("):");
        for (PolicyProblem p : problems) {
            b.append("\n  ").append(p);
        }
        return b.toString();
    }

    /** {@return every problem, in the order found} */
    public List<PolicyProblem> problems() {
        return problems;
    }
}
