package org.communityschools.privacy.view.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Grant;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.policy.RecordScope;
import org.communityschools.privacy.policy.TestDecisions;
import org.communityschools.privacy.policy.TinyCity;

/**
 * A stretch of days answered by one call to the gate ({@link ScopeGate#ask}, what a view asks for a student's
 * attendance days) answers as the gate's separate questions do, for a field of one to three grants of random scopes
 * (those of {@link SchoolDaysProperties}): the covering grant by precedence ({@link ScopeGate#coverOrNull}), the reason
 * of a day none covers as {@link ScopeGate#whyNot(FieldPath, ScopeGate.Place)} joins the grants' reasons, and the
 * stretch's ends ({@link ScopeGate#sameFrom}, {@link ScopeGate#sameUntil}), for every day around the scopes' spans,
 * asked in date order as a view asks.
 */
class ScopeGateProperties {
    private static final FieldPath FIELD = FieldPath.of("attendance.records");
    private static final LocalDate BASE = LocalDate.of(2018, 1, 1);

    @Provide
    Arbitrary<List<RecordScope>> grantScopes() {
        return new SchoolDaysProperties().scopes().list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 500)
    void aStretchAnswersAsTheGatesQuestions(@ForAll("grantScopes") List<RecordScope> scopes,
                                            @ForAll("school") SchoolId school) {
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            grants.add(TestDecisions.grant(FIELD, DataCategory.ATTENDANCE, "rule-" + i, scopes.get(i)));
        }
        Decision decision = TestDecisions.of(StaffId.of("TEST-1"), StudentId.of("STU0001"), Purpose.of("instruction"),
                BASE.atStartOfDay(TinyCity.ZONE).toInstant(), BASE, grants, List.of(), List.of(), "by hand");
        ScopeGate asked = new ScopeGate(decision, TinyCity.DATA);
        ScopeGate reference = new ScopeGate(decision, TinyCity.DATA);
        Stretch stretch = new Stretch();
        int distinct = 0;
        for (int d = -3; d <= 88; d++) {
            long day = BASE.plusDays(d).toEpochDay();
            stretch.clear();
            stretch.ask(asked, FIELD, school, day);
            Grant expected = reference.coverOrNull(FIELD, school, day);
            assertThat(stretch.grant).as("grant on day %s", d).isSameAs(expected);
            if (expected == null) {
                assertThat(stretch.reason()).as("reason on day %s", d)
                        .isEqualTo(reference.whyNot(FIELD, ScopeGate.Place.on(school, LocalDate.ofEpochDay(day))));
                distinct++;
            }
            assertThat(stretch.from()).isEqualTo(reference.sameFrom(FIELD, school, day));
            assertThat(stretch.until()).isEqualTo(reference.sameUntil(FIELD, school, day));
        }
        Statistics.label("grants of the field").collect(decision.grantsOf(FIELD).size());
        Statistics.label("some day withheld").collect(distinct > 0);
    }

    @Provide
    Arbitrary<SchoolId> school() {
        return new SchoolDaysProperties().school();
    }
}
