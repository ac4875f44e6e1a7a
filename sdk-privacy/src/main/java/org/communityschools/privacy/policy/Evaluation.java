package org.communityschools.privacy.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.DataField;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation of {@link PolicyEngine#decide}: the forbid rules first, then each permit rule that applies to the
 * purpose and whose relationship holds ({@link RuleMatcher}) grants each of its fields that no forbid rule took, that
 * the IDEA and NSLA overlays allow and whose legal basis holds ({@link BasisCheck}), with the scope of the records it
 * covers; {@link DecisionAssembly} makes the decision. Not thread-safe, used once.
 */
final class Evaluation {
    private final RequestFacts x;
    private final RuleMatcher matcher;
    private final BasisCheck bases;
    private final List<List<DataField>> ruleFields;
    private final int[][] ruleIndices;

    // Indexed by the field's position in the catalog, which is ordered by path; the arrays a request may not need are
    // made when first needed (most requests match no forbid rule, and many fail no check).
    /** The first grant of each field, in rule order; the later ones, when a field has several, in {@link #moreGrants}. */
    private final Grant[] granted;
    private @Nullable List<Grant> @Nullable [] moreGrants;
    private @Nullable String @Nullable [] forbidden;
    /** Why each field failed the checks of the rules that would grant it: distinct reasons, in order (see {@link Failures}). */
    private @Nullable Failures failures;
    private int grantedCount;
    private int grantCount;
    private final List<Obligation> masks = new ArrayList<>(4);
    /** The lines of the explanation, rendered only when the decision's explanation is read. */
    private final ExplanationLines explanation;

    /** The scope last built (rules grant most fields under one authority), and all built, by rule and authority. */
    private int lastScopeRule = -1;
    private Optional<AgreementId> lastScopeAgreement = Optional.empty();
    private Optional<ConsentId> lastScopeConsent = Optional.empty();
    private PolicyIndex.@Nullable SharedScope lastScope;
    private @Nullable Map<ScopeKey, PolicyIndex.SharedScope> scopes;

    private record ScopeKey(int rule, Optional<AgreementId> agreement, Optional<ConsentId> consent) {}

    @SuppressWarnings("unchecked")
    Evaluation(Policy policy, DistrictData data, PolicyIndex index, StaffId requester, StudentId student,
               Purpose purpose, Instant at, LocalDate date) {
        this.x = new RequestFacts(policy, data, index, requester, student, purpose, at, date);
        this.matcher = new RuleMatcher(x);
        this.bases = new BasisCheck(x);
        this.ruleFields = index.ruleFields;
        this.ruleIndices = index.ruleIndices;
        this.granted = new Grant[policy.catalog().fields().size()];
        this.explanation = new ExplanationLines(x, policy.rules().size() + 2);
    }

    Decision run() {
        Policy policy = x.policy;
        StaffId requester = x.requester;
        StudentId student = x.student;
        Purpose purpose = x.purpose;
        LocalDate date = x.date;
        if (!policy.purposes().containsKey(purpose)) {
            return denyAll("purpose '" + purpose + "' is not declared by policy " + policy.id());
        }
        Staff staff = x.data.staff(requester).orElse(null);
        x.staff = staff;
        if (staff == null) {
            return denyAll("requester " + requester + " is not a staff member in the district data");
        }
        x.studentRecord = x.data.student(student).orElse(null);
        if (x.studentRecord == null) {
            return denyAll("student " + student + " is not in the district data");
        }
        x.assignments = x.data.assignmentsOn(requester, date);
        if (x.assignments.isEmpty()) {
            return denyAll("requester " + requester + " has no staff assignment in force on " + date
                    + " (ended or not yet begun)");
        }
        x.enrollments = x.data.enrollmentsOn(student, date);
        long held = 0;
        for (int i = 0, n = x.assignments.size(); i < n; i++) {
            held |= 1L << x.assignments.get(i).role().ordinal();
        }
        PolicyIndex index = x.index;
        RequestFacts facts = x;
        explanation.add(() -> "Policy " + policy.id() + " v" + policy.version() + ": requester " + requester + " ("
                + facts.describeAssignments() + ", employed by " + staff.employerId() + ") asks for student " + student
                + "'s records for purpose '" + purpose + "' on " + date + ".");
        List<Rule> rules = policy.rules();
        boolean[] applies = index.rulesFor(purpose, rules);
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.effect() != Effect.FORBID || !applies[i] || !index.holdsRoleOf(i, held)) {
                continue;
            }
            RuleMatcher.Match m = matcher.match(r);
            if (m != null) {
                String[] forbidden = forbiddenArray();
                String reason = "forbidden by rule '" + r.id() + "'" + (r.description().isEmpty() ? "" : ": " + r.description());
                Supplier<String> how = m.how();
                explanation.add(() -> "Forbid rule '" + r.id() + "' applies (" + how.get() + ").");
                for (int k : ruleIndices[i]) {
                    if (forbidden[k] == null) {
                        forbidden[k] = reason;
                    }
                }
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.effect() != Effect.PERMIT) {
                continue;
            }
            if (!applies[i]) {
                explanation.notForPurpose(r);
                continue;
            }
            if (!index.holdsRoleOf(i, held)) {
                // what RuleMatcher.match says of a rule none of whose roles the requester holds, without building it
                explanation.noRole(index.noRole[i]);
                continue;
            }
            RuleMatcher.Match m = matcher.match(r);
            if (m == null) {
                Supplier<String> why = matcher.mismatch();
                explanation.add(() -> "Rule '" + r.id() + "' does not apply: " + why.get() + ".");
                continue;
            }
            int before = grantCount;
            bases.startRule();
            List<DataField> fields = ruleFields.get(i);
            int[] indices = ruleIndices[i];
            Obligation[][] obligations = index.ruleObligations[i];
            String[] overlays = index.overlayFailures[i];
            String[] forbidden = this.forbidden;
            for (int j = 0; j < indices.length; j++) {
                int k = indices[j];
                DataField f = fields.get(j);
                if (forbidden != null && forbidden[k] != null) {
                    continue;
                }
                String overlay = overlays[j];
                if (overlay != null) {
                    fail(k, overlay);
                    continue;
                }
                BasisCheck.Outcome o = bases.basis(r, f, k, m);
                if (o.failure() != null) {
                    fail(k, o.failure());
                    continue;
                }
                PolicyIndex.SharedScope shared = scope(i, r, m, o);
                Grant g = shared.grant(k);
                if (g == null) {
                    g = new Grant(f.path(), f.category(), r.basis().orElseThrow(), r.id(), o.agreement(), o.consent(),
                            shared.scope);
                    shared.keep(k, g);
                }
                if (granted[k] == null) {
                    granted[k] = g;
                    grantedCount++;
                } else {
                    moreGrantsOf(k).add(g);
                }
                grantCount++;
                Obligation[] brought = obligations[j];
                for (int b = 0; b < brought.length; b++) {
                    masks.add(brought[b]);
                }
            }
            int count = grantCount - before;
            Supplier<String> how = m.how();
            explanation.add(() -> "Rule '" + r.id() + "' applies (" + how.get() + ") under " + r.basis().orElseThrow()
                    + ": " + count + " field(s) granted.");
        }
        return DecisionAssembly.decision(x, granted, moreGrants, grantCount, forbidden, failures, masks, explanation);
    }

    @SuppressWarnings("unchecked")
    private String[] forbiddenArray() {
        String[] known = forbidden;
        if (known == null) {
            known = new String[granted.length];
            forbidden = known;
        }
        return known;
    }

    @SuppressWarnings("unchecked")
    private List<Grant> moreGrantsOf(int k) {
        List<Grant>[] more = moreGrants;
        if (more == null) {
            more = new List[granted.length];
            moreGrants = more;
        }
        List<Grant> of = more[k];
        if (of == null) {
            of = new ArrayList<>(2);
            more[k] = of;
        }
        return of;
    }

    private static String overlayLaw(DataField f) {
        return f.has(org.communityschools.privacy.Sensitivity.SPECIAL_EDUCATION_IDEA)
                ? "special education records under IDEA (34 CFR 300.622) need consent or a rule authorizing SPECIAL_EDUCATION_IDEA"
                : "meal eligibility under the National School Lunch Act (42 USC 1758(b)(6), 7 CFR 245.6) needs consent or a "
                + "rule authorizing MEAL_ELIGIBILITY_NSLA";
    }

    /** Why the overlay of {@code f} keeps {@code r} from granting it (the index keeps it per rule and field). */
    static String overlayFailure(Rule r, DataField f) {
        return "needs its own explicit basis, not a general " + r.basis().orElseThrow() + " grant: " + overlayLaw(f);
    }

    private void fail(int k, String reason) {
        Failures all = failures;
        if (all == null) {
            all = new Failures(granted.length);
            failures = all;
        }
        all.add(k, reason);
    }


    /**
     * The scope of the records that rule {@code r} (at position {@code ruleIndex}), matched by {@code m}, grants under
     * authority {@code o}: never past the date of the decision; under an agreement, the agreement's schools, school
     * years and effective period; under a consent, the consent's window (from its signature for the relationship's
     * window, else the rule's window) at any school; otherwise the relationship's schools and window. Built once per
     * rule and authority.
     */
    private PolicyIndex.SharedScope scope(int ruleIndex, Rule r, RuleMatcher.Match m, BasisCheck.Outcome o) {
        PolicyIndex.SharedScope last = lastScope;
        if (last != null && lastScopeRule == ruleIndex && lastScopeAgreement.equals(o.agreement())
                && lastScopeConsent.equals(o.consent())) {
            return last;
        }
        PolicyIndex.SharedScope scope;
        if (last == null) {
            // the first scope of the evaluation, usually the only one: no map for it
            scope = sharedScope(ruleIndex, r, m, o);
        } else {
            Map<ScopeKey, PolicyIndex.SharedScope> built = scopes;
            if (built == null) {
                built = new java.util.HashMap<>();
                built.put(new ScopeKey(lastScopeRule, lastScopeAgreement, lastScopeConsent), last);
                scopes = built;
            }
            ScopeKey key = new ScopeKey(ruleIndex, o.agreement(), o.consent());
            scope = built.get(key);
            if (scope == null) {
                scope = sharedScope(ruleIndex, r, m, o);
                built.put(key, scope);
            }
        }
        lastScopeRule = ruleIndex;
        lastScopeAgreement = o.agreement();
        lastScopeConsent = o.consent();
        lastScope = scope;
        return scope;
    }

    /**
     * The engine's shared scope of rule {@code r} matched by {@code m} under authority {@code o}: found by the
     * relationship's label key, spans and the date when neither an agreement nor a consent limits it, by those and
     * the agreement's record when an agreement does (its limits depend on that record alone), else by the limits
     * built.
     */
    private PolicyIndex.SharedScope sharedScope(int ruleIndex, Rule r, RuleMatcher.Match m, BasisCheck.Outcome o) {
        if (o.agreement().isEmpty() && o.consent().isEmpty()) {
            return x.index.relationshipScope(ruleIndex, x.date, m.labelKey(), m.spans(), m.label());
        }
        DataSharingAgreement agreement = o.agreementRecord();
        if (agreement != null && o.consent().isEmpty()) {
            return x.index.agreementScope(ruleIndex, x.date, agreement, m.labelKey(), m.spans(),
                    () -> newLimits(r, m, o));
        }
        return x.index.sharedScope(ruleIndex, o.agreement(), o.consent(), newLimits(r, m, o));
    }

    private List<RecordScope.Limit> newLimits(Rule r, RuleMatcher.Match m, BasisCheck.Outcome o) {
        LocalDate date = x.date;
        List<RecordScope.Limit> limits = new ArrayList<>(5);
        if (o.agreement().isPresent()) {
            limits.addAll(RecordScope.agreementLimits(agreementNamed(o.agreement().get()), date));
        } else {
            limits.add(x.index.dateLimit(date));
        }
        if (o.consent().isPresent()) {
            Consent c = consentNamed(o.consent().get());
            LocalDate from = r.history().fixedStart(date).orElse(c.signedDate());
            limits.add(new RecordScope.Limit("the window of consent " + c.id() + " (" + (r.history().kind()
                    == HistoryWindow.Kind.RELATIONSHIP ? "from its signature" : r.history().describe()) + ")",
                    from.isAfter(date) ? List.of() : List.of(new RecordScope.Span(Optional.empty(), from, date))));
        } else {
            limits.add(new RecordScope.Limit(m.label().get(), m.spans()));
        }
        return limits;
    }

    private DataSharingAgreement agreementNamed(AgreementId id) {
        for (DataSharingAgreement a : x.agreements()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new IllegalStateException("agreement " + id + " is not among the requester's organization's");
    }

    private Consent consentNamed(ConsentId id) {
        for (Consent c : x.consents()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalStateException("consent " + id + " is not the student's");
    }

    private Decision denyAll(String reason) {
        return DecisionAssembly.denyAll(x.policy, x.requester, x.student, x.purpose, x.at, x.date, reason);
    }
}
