package org.communityschools.privacy.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.StudentId;

/**
 * One line of "what can I see and why" ({@link PolicyEngine#whatCanISee}): a student the requester can reach for a
 * purpose, the categories with at least one permitted field, and the rules and legal bases that grant them.
 * Immutable and thread-safe.
 *
 * @param student    the student
 * @param purpose    the purpose
 * @param categories the categories with a permitted field, in enum order, at least one
 * @param rules      the ids of the granting rules, sorted
 * @param bases      the legal bases of the grants, in enum order
 */
public record Access(StudentId student, Purpose purpose, Set<DataCategory> categories, Set<String> rules,
                     Set<LegalBasis> bases) {
    /**
     * Checks that nothing is missing and copies the sets.
     *
     * @param student the student
     * @param purpose the purpose
     * @param categories the categories with a permitted field, in enum order, at least one
     * @param rules the ids of the granting rules, sorted
     * @param bases the legal bases of the grants, in enum order
     */
    public Access {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(purpose, "purpose");
        categories = Collections.unmodifiableSet(EnumSet.copyOf(Objects.requireNonNull(categories, "categories")));
        rules = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(rules, "rules")));
        bases = Collections.unmodifiableSet(bases.isEmpty() ? EnumSet.noneOf(LegalBasis.class) : EnumSet.copyOf(bases));
    }

    static Access of(Decision d) {
        Set<String> rules = new TreeSet<>();
        Set<LegalBasis> bases = EnumSet.noneOf(LegalBasis.class);
        for (Grant g : d.grants()) {
            rules.add(g.ruleId());
            bases.add(g.basis());
        }
        return new Access(d.student(), d.purpose(), d.permittedCategories(), rules, bases);
    }
}
