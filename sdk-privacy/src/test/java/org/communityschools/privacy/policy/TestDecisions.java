package org.communityschools.privacy.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;

/**
 * Hand-made decisions for tests of the views apart from the engine. {@link Decision} has no public constructor (only
 * an engine makes one); this factory lives in the test sources of the engine's package.
 */
public final class TestDecisions {
    private TestDecisions() {}

    /** A scope covering every record of every school up to the far future: for tests of the view's field handling. */
    public static RecordScope everything() {
        return RecordScope.of(List.of(new RecordScope.Limit("the test's whole record", List.of(
                new RecordScope.Span(Optional.empty(), HistoryWindow.BEGINNING, LocalDate.MAX)))));
    }

    /** A grant of {@code field} under {@code basis} by rule {@code ruleId}, covering {@code scope}. */
    public static Grant grant(FieldPath field, org.communityschools.core.model.DataCategory category, String ruleId,
                              RecordScope scope) {
        return new Grant(field, category, LegalBasis.SCHOOL_OFFICIAL, ruleId, Optional.empty(), Optional.empty(), scope);
    }

    /**
     * A decision with these grants, denials and obligations, to which the school-official disclosure obligation of
     * the granted fields is added (organization {@code TEST-ORG}).
     */
    public static Decision of(StaffId requester, StudentId student, Purpose purpose, Instant at, LocalDate date,
                              List<Grant> grants, List<Denial> denials, List<Obligation> obligations, String explanation) {
        List<Obligation> all = new ArrayList<>(obligations);
        if (!grants.isEmpty()) {
            all.add(0, new Obligation.RecordDisclosure(Disclosure.builder().at(at).requester(requester)
                    .requesterOrganization(OrganizationId.of("TEST-ORG")).student(student)
                    .fields(grants.stream().map(Grant::field).distinct().toList()).purpose(purpose.code())
                    .legalBasis(LegalBasis.SCHOOL_OFFICIAL).build()));
        }
        return new Decision(requester, student, purpose, at, date, "test", 1, grants, denials, all, explanation);
    }

    /**
     * {@code d} with every grant's scope widened to {@link #everything()}: the same fields, bases, obligations and
     * explanation, for tests of the view's shape apart from the record scope.
     */
    public static Decision widened(Decision d) {
        List<Grant> grants = new ArrayList<>();
        for (Grant g : d.grants()) {
            grants.add(new Grant(g.field(), g.category(), g.basis(), g.ruleId(), g.agreement(), g.consent(), everything()));
        }
        return new Decision(d.requester(), d.student(), d.purpose(), d.at(), d.date(), d.policyId(), d.policyVersion(),
                grants, d.denials(), d.obligations(), d.explanation());
    }
}
