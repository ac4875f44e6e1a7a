package org.communityschools.privacy.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.Student;
import org.communityschools.privacy.DataField;
import org.jspecify.annotations.Nullable;

/**
 * Whether a matched rule's legal basis authorizes a field: through the schools' officials or a data-sharing agreement
 * (34 CFR 99.31(a)(1), 99.31(a)(6), 99.35), a consent (99.30) or directory information (99.37), with the reason when
 * it does not. The checks of an agreement that do not depend on the field are made once per rule and school. One
 * instance per evaluation; not thread-safe.
 */
final class BasisCheck {
    /** The result of a basis check: a failure reason, or the agreement or consent that authorizes. */
    record Outcome(@Nullable String failure, Optional<AgreementId> agreement, Optional<ConsentId> consent) {
        static Outcome fail(String reason) {
            return new Outcome(reason, Optional.empty(), Optional.empty());
        }

        static final Outcome OK = new Outcome(null, Optional.empty(), Optional.empty());
    }

    private final RequestFacts x;
    /** The roles of the rule being evaluated that the requester holds (computed once per rule). */
    private @Nullable Set<StaffRole> ruleRoles;
    /** Per school of the rule being evaluated: each agreement's field-independent failure, "" when it passes. */
    private @Nullable Map<SchoolId, String[]> agreementChecks;

    BasisCheck(RequestFacts facts) {
        this.x = facts;
    }

    /** Forgets what was computed for the previous rule. */
    void startRule() {
        ruleRoles = null;
        if (agreementChecks != null) {
            agreementChecks.clear();
        }
    }

    private Set<StaffRole> heldRoles(Rule r) {
        Set<StaffRole> known = ruleRoles;
        if (known != null) {
            return known;
        }
        Set<StaffRole> out = EnumSet.noneOf(StaffRole.class);
        for (StaffAssignment a : x.assignments) {
            if (r.roles().contains(a.role())) {
                out.add(a.role());
            }
        }
        ruleRoles = out;
        return out;
    }


    Outcome basis(Rule r, DataField f, RuleMatcher.Match m) {
        LegalBasis basis = r.basis().orElseThrow();
        return switch (basis) {
            case SCHOOL_OFFICIAL, STUDIES, AUDIT_EVALUATION -> throughSchools(r, f, m, basis);
            case CONSENT -> consent(f);
            case DIRECTORY -> directory(f);
            case EMERGENCY -> Outcome.fail("emergency access is a break-glass workflow, not a standing rule");
        };
    }

    private Outcome throughSchools(Rule r, DataField f, RuleMatcher.Match m, LegalBasis basis) {
        if (m.schools().isEmpty()) {
            return Outcome.fail("the student is not enrolled in any school on " + x.date
                    + ", so no school's officials or agreements cover the request");
        }
        String first = null;
        for (SchoolId s : m.schools()) {
            School school = x.data.school(s).orElse(null);
            if (school == null) {
                return Outcome.fail("school " + s + " is not in the district data");
            }
            if (basis == LegalBasis.SCHOOL_OFFICIAL && school.districtId().equals(x.staff().employerId())) {
                return Outcome.OK;
            }
            Outcome o = agreement(r, f, s, school, basis);
            if (o.failure() == null) {
                return o;
            }
            if (first == null) {
                first = o.failure();
            }
        }
        return Outcome.fail(first == null ? "no agreement covers the request" : first);
    }

    private Outcome agreement(Rule r, DataField f, SchoolId s, School school, LegalBasis basis) {
        OrganizationId employer = x.staff().employerId();
        List<String> reasons = new ArrayList<>();
        // the versions that govern on the decision's date: a later amendment or termination never applies to the past
        List<DataSharingAgreement> candidates = x.agreements();
        Map<SchoolId, String[]> known = agreementChecks;
        if (known == null) {
            known = new HashMap<>();
            agreementChecks = known;
        }
        String[] checks = known.get(s);
        if (checks == null) {
            checks = new String[candidates.size()];
            Set<StaffRole> roles = heldRoles(r);
            for (int i = 0; i < checks.length; i++) {
                DataSharingAgreement a = candidates.get(i);
                if (a.legalBasis() == basis) {
                    String why = whyNotForAnyField(a, s, school, roles);
                    checks[i] = why == null ? "" : why;
                }
            }
            known.put(s, checks);
        }
        for (int i = 0; i < checks.length; i++) {
            DataSharingAgreement a = candidates.get(i);
            if (a.legalBasis() != basis) {
                continue;
            }
            String why = checks[i].isEmpty() ? whyNotField(a, f) : checks[i];
            if (why == null) {
                return new Outcome(null, Optional.of(a.id()), Optional.empty());
            }
            reasons.add(why);
        }
        if (reasons.isEmpty()) {
            return Outcome.fail("no " + basis + " data-sharing agreement names the requester's organization " + employer
                    + " as recipient (34 CFR 99.31(a)(1)(i)(B))");
        }
        return Outcome.fail(String.join("; ", reasons));
    }

    /** Why {@code a} does not cover the request whatever the field (null when it may, field permitting). */
    private @Nullable String whyNotForAnyField(DataSharingAgreement a, SchoolId s, School school, Set<StaffRole> roles) {
        String name = "agreement " + a.id() + " v" + a.version();
        if (a.status() != AgreementStatus.ACTIVE) {
            return name + " is " + a.status() + ", not ACTIVE";
        }
        if (!a.term().contains(x.date)) {
            return name + " is not in effect on " + x.date + " (term " + a.effectiveDate() + " to " + a.endDate() + ")";
        }
        if (!a.disclosingOrganizationId().equals(school.districtId())) {
            return name + " is not disclosed by the school's district " + school.districtId();
        }
        if (!a.schoolIds().contains(s)) {
            return "school " + s + " is not in the scope of " + name;
        }
        if (!a.schoolYears().contains(x.year)) {
            return "school year " + x.year.label() + " is not in the scope of " + name;
        }
        if (roles.stream().noneMatch(a.permittedRoles()::contains)) {
            return name + " does not permit the requester's role " + roles;
        }
        return null;
    }

    /** Why {@code a}, which covers the request otherwise, does not cover field {@code f} (null when it does). */
    private static @Nullable String whyNotField(DataSharingAgreement a, DataField f) {
        if (!a.dataElements().contains(f.path().value()) && !a.dataElements().contains(f.category().name())) {
            return "agreement " + a.id() + " v" + a.version() + " lists neither the field nor its category "
                    + f.category() + " among its data elements";
        }
        return null;
    }

    private Outcome consent(DataField f) {
        OrganizationId employer = x.staff().employerId();
        List<String> reasons = new ArrayList<>();
        for (Consent c : x.consents()) {
            if (!c.recipientId().equals(employer)) {
                continue;
            }
            if (c.revokedDate().isPresent() && !x.date.isBefore(c.revokedDate().get())) {
                reasons.add("consent " + c.id() + " was revoked on " + c.revokedDate().get());
            } else if (!c.isInForceOn(x.date)) {
                reasons.add("consent " + c.id() + " is not in force on " + x.date);
            } else if (!c.categories().contains(f.category())) {
                reasons.add("consent " + c.id() + " does not cover category " + f.category());
            } else {
                return new Outcome(null, Optional.empty(), Optional.of(c.id()));
            }
        }
        if (reasons.isEmpty()) {
            return Outcome.fail("no consent for student " + x.student + " names the requester's organization " + employer
                    + " (34 CFR 99.30)");
        }
        return Outcome.fail(String.join("; ", reasons));
    }

    private Outcome directory(DataField f) {
        Student st = x.studentRecord;
        if (st == null) {
            return Outcome.fail("student " + x.student + " is not in the district data");
        }
        if (st.directoryOptOut()) {
            return Outcome.fail("the student's parent (or the eligible student) opted out of directory information "
                    + "(34 CFR 99.37(a)(2))");
        }
        if (!x.policy.directoryFields().contains(f.path())) {
            return Outcome.fail(f.path() + " is not designated directory information (34 CFR 99.37(a)(1))");
        }
        return Outcome.OK;
    }
}
