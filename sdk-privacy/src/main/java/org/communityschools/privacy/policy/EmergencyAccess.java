package org.communityschools.privacy.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.communityschools.core.model.StaffRole;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.Sensitivity;

/**
 * Who may break glass in a health or safety emergency and what they may see (FERPA 34 CFR 99.36): the roles that may
 * make an {@link EmergencyRequest}, and the fields (paths or data category names of the policy's
 * {@link FieldCatalog}) an emergency decision grants. 99.36 permits disclosing "to appropriate parties ... if knowledge
 * of the information is necessary to protect the health or safety of the student or other individuals"; the scope is
 * what a responder needs to find, reach and care for the student, not the whole record.
 *
 * <p>{@link #defaults()}: roles {@code PRINCIPAL}, {@code COUNSELOR}, {@code COMMUNITY_SCHOOL_DIRECTOR},
 * {@code DISTRICT_ADMIN}; fields {@code IDENTITY}, {@code CONTACT}, {@code HEALTH}, {@code directory.school},
 * {@code directory.gradeLevel}. A district may widen it (say, {@code specialEducation.section504} for a student's
 * medical plan) with {@link #of}; special education fields under IDEA are allowed when named (34 CFR 300.622 defers
 * to the FERPA exceptions), but meal eligibility is not: the National School Lunch Act has no emergency exception
 * (42 USC 1758(b)(6)).
 *
 * <p>A policy file declares it in its {@code emergency} section ({@link Policy#emergency()}, docs/privacy-policy.md);
 * a host may override it with {@link PolicyEngine.Builder#emergencyAccess}. Rules, checked by {@link #of}: at least
 * one role and at least one field; the fields are checked against the catalog when the policy or the engine is
 * built. Immutable and thread-safe.
 *
 * @param roles  the roles that may break glass, in enum order
 * @param fields field paths and data category names, in the order written
 */
public record EmergencyAccess(Set<StaffRole> roles, List<String> fields) {
    /**
     * Checks that at least one role and one field are named, and copies them.
     *
     * @param roles the roles that may break glass, in enum order
     * @param fields field paths and data category names, in the order written
     */
    public EmergencyAccess {
        Objects.requireNonNull(roles, "roles");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("emergency access names at least one role that may break glass");
        }
        roles = java.util.Collections.unmodifiableSet(EnumSet.copyOf(roles));
        fields = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(fields, "fields")));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("emergency access names at least one field or category");
        }
    }

    /** {@return the default scope described in the class comment} */
    public static EmergencyAccess defaults() {
        return new EmergencyAccess(EnumSet.of(StaffRole.PRINCIPAL, StaffRole.COUNSELOR,
                StaffRole.COMMUNITY_SCHOOL_DIRECTOR, StaffRole.DISTRICT_ADMIN),
                List.of("IDENTITY", "CONTACT", "HEALTH", "directory.school", "directory.gradeLevel"));
    }

    /**
     * Emergency access for these roles to these field paths and category names.
     *
     * @param roles the roles that may break glass
     * @param fields the field paths and category names they may see
     * @return the emergency access
     */
    public static EmergencyAccess of(Set<StaffRole> roles, List<String> fields) {
        return new EmergencyAccess(roles, fields);
    }

    /**
     * The fields this scope grants under {@code catalog}, sorted by path.
     *
     * @throws IllegalArgumentException when a field or category is unknown to the catalog, or a field is meal
     *                                  eligibility under the National School Lunch Act (listing every problem, with
     *                                  its location such as {@code emergency.fields[2]})
     */
    List<DataField> resolve(FieldCatalog catalog) {
        List<PolicyProblem> problems = problems(catalog, Locator.forJava(List.of()));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid emergency access: " + String.join("; ",
                    problems.stream().map(p -> p.location() + " " + p.message()).toList()));
        }
        return catalog.resolve(fields);
    }

    /** The problems of this scope under {@code catalog}: unknown fields and meal eligibility, located by {@code at}. */
    List<PolicyProblem> problems(FieldCatalog catalog, Locator at) {
        List<PolicyProblem> problems = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (!catalog.isKnownElement(f)) {
                problems.add(new PolicyProblem(at.emergency("fields", i), "field-unknown", "emergency fields must be field paths of the "
                        + "catalog or data category names; unknown: '" + f + "'"));
                continue;
            }
            for (DataField d : catalog.resolve(List.of(f))) {
                if (d.has(Sensitivity.MEAL_ELIGIBILITY_NSLA)) {
                    problems.add(new PolicyProblem(at.emergency("fields", i), "emergency-meal-eligibility", "'" + f + "' grants " + d.path()
                            + ": meal eligibility has no emergency exception (42 USC 1758(b)(6), 7 CFR 245.6)"));
                    break;
                }
            }
        }
        return problems;
    }

    /** The fields of this scope that {@code catalog} knows, leaving out unknown elements and meal eligibility. */
    List<DataField> resolveKnown(FieldCatalog catalog) {
        return catalog.resolve(fields.stream().filter(catalog::isKnownElement).toList()).stream()
                .filter(d -> !d.has(Sensitivity.MEAL_ELIGIBILITY_NSLA)).toList();
    }
}
