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
    /**
     * The result of a basis check: a failure reason, or the agreement or consent that authorizes; with an agreement,
     * the version that governs on the date ({@code agreementRecord}, so that its scope is found without a search).
     */
    record Outcome(@Nullable String failure, Optional<AgreementId> agreement, Optional<ConsentId> consent,
                   @Nullable DataSharingAgreement agreementRecord) {
        static Outcome fail(String reason) {
            return new Outcome(reason, Optional.empty(), Optional.empty(), null);
        }

        static final Outcome OK = new Outcome(null, Optional.empty(), Optional.empty(), null);
    }

    private final RequestFacts x;
    /**
     * For the rule being evaluated under {@code SCHOOL_OFFICIAL}: whether the first school it matched is of the
     * requester's employer's district (then every field passes at that school); null until asked.
     */
    private @Nullable Boolean ownOfficial;
    /** The roles of the rule being evaluated that the requester holds (computed once per rule). */
    private @Nullable Set<StaffRole> ruleRoles;
    /**
     * Per school of the rule being evaluated: each agreement's field-independent failure, "" when it passes (the
     * school of the last checks, usually the only one, held apart from the map of the others).
     */
    private @Nullable SchoolId checkedSchool;
    private String @Nullable [] checked;
    private @Nullable Map<SchoolId, String[]> agreementChecks;
    /** Per agreement (by position among the requester's organization's), the outcome that it authorizes (made once). */
    private Outcome @Nullable [] authorized;
    /** Per agreement (by position), why it does not cover each field of the catalog ("" when it does), from the index. */
    private String @Nullable [] @Nullable [] fieldChecks;

    BasisCheck(RequestFacts facts) {
        this.x = facts;
    }

    /** Forgets what was computed for the previous rule. */
    void startRule() {
        ruleRoles = null;
        ownOfficial = null;
        checkedSchool = null;
        checked = null;
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


    /** Whether rule {@code r}, matched by {@code m}, has a basis for field {@code f} at catalog position {@code k}. */
    Outcome basis(Rule r, DataField f, int k, RuleMatcher.Match m) {
        LegalBasis basis = r.basis().orElseThrow();
        return switch (basis) {
            case SCHOOL_OFFICIAL, STUDIES, AUDIT_EVALUATION -> throughSchools(r, f, k, m, basis);
            case CONSENT -> consent(f);
            case DIRECTORY -> directory(f);
            case EMERGENCY -> Outcome.fail("emergency access is a break-glass workflow, not a standing rule");
        };
    }

    private Outcome throughSchools(Rule r, DataField f, int k, RuleMatcher.Match m, LegalBasis basis) {
        if (basis == LegalBasis.SCHOOL_OFFICIAL) {
            Boolean official = ownOfficial;
            if (official == null) {
                official = firstSchoolIsTheEmployers(m);
                ownOfficial = official;
            }
            if (official) {
                // what the loop below returns at its first school, whatever the field
                return Outcome.OK;
            }
        }
        if (m.schools().isEmpty()) {
            return Outcome.fail("the student is not enrolled in any school on " + x.date
                    + ", so no school's officials or agreements cover the request");
        }
        String first = null;
        List<SchoolId> schools = m.schools();
        for (int i = 0, n = schools.size(); i < n; i++) {
            SchoolId s = schools.get(i);
            School school = x.school(s);
            if (school == null) {
                return Outcome.fail("school " + s + " is not in the district data");
            }
            if (basis == LegalBasis.SCHOOL_OFFICIAL && school.districtId().equals(x.staff().employerId())) {
                return Outcome.OK;
            }
            Outcome o = agreement(r, f, k, s, school, basis);
            if (o.failure() == null) {
                return o;
            }
            if (first == null) {
                first = o.failure();
            }
        }
        return Outcome.fail(first == null ? "no agreement covers the request" : first);
    }

    /** Whether the first of {@code m}'s schools is in the data and of the requester's employer's district. */
    private boolean firstSchoolIsTheEmployers(RuleMatcher.Match m) {
        if (m.schools().isEmpty()) {
            return false;
        }
        School first = x.school(m.schools().get(0));
        return first != null && first.districtId().equals(x.staff().employerId());
    }

    private Outcome agreement(Rule r, DataField f, int k, SchoolId s, School school, LegalBasis basis) {
        // the versions that govern on the decision's date: a later amendment or termination never applies to the past
        List<DataSharingAgreement> candidates = x.agreements();
        String[] checks = checksAt(r, s, school, basis, candidates);
        String first = null;
        List<String> reasons = null;
        for (int i = 0; i < checks.length; i++) {
            DataSharingAgreement a = candidates.get(i);
            if (a.legalBasis() != basis) {
                continue;
            }
            String why = checks[i].isEmpty() ? fieldCheck(i, a, k) : checks[i];
            if (why == null) {
                return authorizedBy(i, a);
            }
            if (first == null) {
                first = why;
            } else {
                if (reasons == null) {
                    reasons = new ArrayList<>(4);
                    reasons.add(first);
                }
                reasons.add(why);
            }
        }
        if (first == null) {
            return Outcome.fail("no " + basis + " data-sharing agreement names the requester's organization "
                    + x.staff().employerId() + " as recipient (34 CFR 99.31(a)(1)(i)(B))");
        }
        return Outcome.fail(reasons == null ? first : String.join("; ", reasons));
    }

    /** The field-independent checks of each of {@code candidates} at school {@code s} for rule {@code r} (made once). */
    private String[] checksAt(Rule r, SchoolId s, School school, LegalBasis basis, List<DataSharingAgreement> candidates) {
        if (s.equals(checkedSchool)) {
            return checked;
        }
        Map<SchoolId, String[]> known = agreementChecks;
        String[] checks = known == null ? null : known.get(s);
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
            if (checked != null) {
                // a second school for this rule: the checks of the others are kept in a map
                if (known == null) {
                    known = new HashMap<>();
                    agreementChecks = known;
                }
                known.put(checkedSchool, checked);
                known.put(s, checks);
            }
        }
        checkedSchool = s;
        checked = checks;
        return checks;
    }

    /** Why agreement {@code a}, at position {@code i} among the requester's organization's, does not cover field {@code k}. */
    private @Nullable String fieldCheck(int i, DataSharingAgreement a, int k) {
        String[][] known = fieldChecks;
        if (known == null) {
            known = new String[x.agreements().size()][];
            fieldChecks = known;
        }
        String[] of = known[i];
        if (of == null) {
            of = x.index.fieldChecks(a);
            known[i] = of;
        }
        String why = of[k];
        return why.isEmpty() ? null : why;
    }

    /** The outcome that agreement {@code a}, at position {@code i} among the requester's organization's, authorizes. */
    private Outcome authorizedBy(int i, DataSharingAgreement a) {
        Outcome[] known = authorized;
        if (known == null) {
            known = new Outcome[x.agreements().size()];
            authorized = known;
        }
        Outcome o = known[i];
        if (o == null) {
            o = new Outcome(null, Optional.of(a.id()), Optional.empty(), a);
            known[i] = o;
        }
        return o;
    }

    /** Why {@code a} does not cover the request whatever the field (null when it may, field permitting). */
    private @Nullable String whyNotForAnyField(DataSharingAgreement a, SchoolId s, School school, Set<StaffRole> roles) {
        if (a.status() != AgreementStatus.ACTIVE) {
            return name(a) + " is " + a.status() + ", not ACTIVE";
        }
        if (!a.term().contains(x.date)) {
            return name(a) + " is not in effect on " + x.date + " (term " + a.effectiveDate() + " to " + a.endDate() + ")";
        }
        if (!a.disclosingOrganizationId().equals(school.districtId())) {
            return name(a) + " is not disclosed by the school's district " + school.districtId();
        }
        if (!a.schoolIds().contains(s)) {
            return "school " + s + " is not in the scope of " + name(a);
        }
        if (!a.schoolYears().contains(x.year)) {
            return "school year " + x.year.label() + " is not in the scope of " + name(a);
        }
        for (StaffRole role : roles) {
            if (a.permittedRoles().contains(role)) {
                return null;
            }
        }
        return name(a) + " does not permit the requester's role " + roles;
    }

    private static String name(DataSharingAgreement a) {
        return "agreement " + a.id() + " v" + a.version();
    }

    /**
     * Why {@code a}, which covers the request otherwise, does not cover field {@code f} (null when it does); the
     * engine's index keeps these per agreement ({@link PolicyIndex#whyNotField}).
     */
    static @Nullable String whyNotField(DataSharingAgreement a, DataField f) {
        if (!a.dataElements().contains(f.path().value()) && !a.dataElements().contains(f.category().name())) {
            return name(a) + " lists neither the field nor its category " + f.category() + " among its data elements";
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
                return new Outcome(null, Optional.empty(), Optional.of(c.id()), null);
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
