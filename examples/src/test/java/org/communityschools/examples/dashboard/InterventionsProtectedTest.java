package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.metrics.AttendanceTier;
import org.communityschools.metrics.InterventionOutcome;
import org.communityschools.metrics.WindowRates;
import org.communityschools.privacy.publication.CellStatus;
import org.communityschools.privacy.publication.ProtectedCell;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.SuppressionRules;
import org.junit.jupiter.api.Test;

/**
 * {@code /interventions} shows only what the viewer may see, protected like a published table: the programs of the
 * viewer's school (never another school's), each program group under the rules' minimum size suppressed, with
 * complementary suppression so that the total of the programs shown never gives a hidden group away.
 */
class InterventionsProtectedTest {
    private static final SuppressionRules RULES = SuppressionRules.NYSED;

    /**
     * For any program groups (1 to 40 participants, as a program with a start has at least one; measured participants up to the group): a group under the minimum size n is
     * never published; a published group is at least n; and a sum (the total with its programs) never holds exactly one
     * hidden cell while the others are shown (it could be recovered by subtraction).
     */
    @Property(tries = 300)
    void smallProgramGroupsAreSuppressedAndNoneCanBeRecoveredFromTheTotal(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 40) Integer> sizes,
            @ForAll @IntRange(min = 0, max = 5) int unmeasured) {
        List<InterventionOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            int participants = sizes.get(i);
            int measured = Math.max(0, participants - unmeasured);
            outcomes.add(new InterventionOutcome(InterventionType.TUTORING, OrganizationId.of("CBO" + i), participants, measured,
                    WindowRates.EMPTY, 0, WindowRates.EMPTY, 0, 0, WindowRates.EMPTY, Map.of()));
        }
        ProtectedTable table = Published.programs(outcomes, RULES).orElseThrow();
        if (table.status() == ProtectedTable.Status.REFUSED) {
            return; // the page then shows no outcome at all
        }
        List<ProtectedCell> members = outcomes.stream().map(o -> table.cell(Published.label(o))).toList();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).participants() < RULES.minimumGroupSize()) {
                assertThat(Published.shown(members.get(i))).as("group of %d", outcomes.get(i).participants()).isFalse();
            }
            if (Published.shown(members.get(i))) {
                assertThat(members.get(i).groupSize().orElseThrow()).isGreaterThanOrEqualTo(RULES.minimumGroupSize());
            }
        }
        long hidden = members.stream().filter(c -> c.status() != CellStatus.PUBLISHED).count()
                + (Published.shown(table.cell(Published.ALL_PROGRAMS)) ? 0 : 1);
        assertThat(hidden).as("hidden cells in the sum of the programs and their total").isNotEqualTo(1);
    }

    /**
     * School figures as the trends page shows them: for any schools (1 to 60 students counted, some chronically absent,
     * some community schools), a school under the minimum size is never shown, and neither the community schools' nor
     * the other schools' total, nor the district's, holds exactly one hidden member (it could be recovered).
     */
    @Property(tries = 200)
    void schoolFiguresAreSuppressedUnderTheMinimumSizeWithComplementarySuppression(
            @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 1, max = 60) Integer> counted,
            @ForAll @IntRange(min = 0, max = 100) int percentAbsent, @ForAll @IntRange(min = 0, max = 1023) int communityMask) {
        Map<SchoolId, org.communityschools.metrics.AttendanceAggregate> bySchool = new java.util.LinkedHashMap<>();
        for (int i = 0; i < counted.size(); i++) {
            int n = counted.get(i);
            int absent = n * percentAbsent / 100;
            bySchool.put(SchoolId.of("S" + i), new org.communityschools.metrics.AttendanceAggregate(n, n, absent, n * 100L,
                    java.math.BigDecimal.valueOf(n), Map.of(AttendanceTier.SATISFACTORY, n - absent, AttendanceTier.MODERATE_CHRONIC, absent)));
        }
        java.util.function.Predicate<SchoolId> community = id -> (communityMask >> Integer.parseInt(id.value().substring(1)) & 1) == 1;
        ProtectedTable table = Published.schools(bySchool, community, RULES);
        if (table.status() == ProtectedTable.Status.REFUSED) {
            return;
        }
        for (SchoolId id : bySchool.keySet()) {
            ProtectedCell cell = Published.school(table, id).orElseThrow();
            if (bySchool.get(id).counted() < RULES.minimumGroupSize()) {
                assertThat(Published.shown(cell)).isFalse();
            }
        }
        for (String group : List.of(Published.COMMUNITY, Published.OTHER)) {
            List<SchoolId> members = bySchool.keySet().stream().filter(id -> community.test(id) == group.equals(Published.COMMUNITY)).toList();
            if (members.isEmpty()) {
                continue; // an empty group is a leaf of 0 students, not a sum
            }
            long hidden = members.stream().filter(id -> !Published.shown(Published.school(table, id).orElseThrow())).count()
                    + (Published.shown(table.cell(group)) ? 0 : 1);
            assertThat(hidden).as("hidden cells in the sum of %s", group).isNotEqualTo(1);
        }
        long hiddenGroups = (Published.shown(table.cell(Published.COMMUNITY)) ? 0 : 1) + (Published.shown(table.cell(Published.OTHER)) ? 0 : 1)
                + (Published.shown(table.cell(Published.DISTRICT)) ? 0 : 1);
        assertThat(hiddenGroups).as("hidden cells in the district's sum").isNotEqualTo(1);
    }

    /** For every school of the test city: the per-school data hold that school's programs and their participants only. */
    @Property(tries = 20)
    void theOutcomesOfASchoolAreComputedFromThatSchoolsProgramsOnly(@ForAll @IntRange(min = 0, max = 99) int pick) {
        DistrictData data = TestCity.get().data;
        List<SchoolId> schools = data.schools().stream().map(s -> s.id()).toList();
        SchoolId school = schools.get(pick % schools.size());

        DistrictData at = Published.interventionsAt(data, school, i -> true);

        assertThat(at.interventions()).allSatisfy(i -> assertThat(i.schoolId()).isEqualTo(school));
        assertThat(at.interventions()).containsExactlyInAnyOrderElementsOf(
                data.interventions().stream().filter(i -> i.schoolId().equals(school)).toList());
        Set<String> kept = at.interventions().stream().map(i -> i.id().value()).collect(Collectors.toSet());
        assertThat(at.interventionParticipants()).allSatisfy(p -> assertThat(kept).contains(p.interventionId().value()));
        assertThat(at.interventionParticipants()).hasSize((int) data.interventionParticipants().stream()
                .filter(p -> kept.contains(p.interventionId().value())).count());
        assertThat(at.attendance().size()).as("the rest is the same data").isEqualTo(data.attendance().size());
    }

    @Test
    void aPrincipalSeesTheirSchoolsProgramsOnlyAndCannotAskForAnotherSchool() {
        TestCity city = TestCity.get();
        try (Dashboard d = city.start("interventions-test")) {
            Client other = new Client(d.uri()).signIn(city.otherPrincipal.value());
            HttpResponse<String> page = other.get("/interventions");
            assertThat(page.statusCode()).isEqualTo(200);
            SchoolId own = city.data.assignmentsOn(city.otherPrincipal, TestCity.TODAY).stream()
                    .map(a -> (SchoolId) a.organizationId()).findFirst().orElseThrow();
            assertThat(page.body()).contains("Outcomes by intervention and provider at " + own.value());
            // every program row names a type and provider of an intervention at the viewer's school
            Set<String> ownPrograms = city.data.interventions().stream().filter(i -> i.schoolId().equals(own))
                    .map(i -> i.type().name() + "|" + i.providerId().value()).collect(Collectors.toSet());
            Matcher rows = Pattern.compile("<tr class=\"outcome\"><td>([A-Z_]+)</td><td>([^<]+)</td>").matcher(page.body());
            while (rows.find()) {
                assertThat(ownPrograms).contains(rows.group(1) + "|" + rows.group(2));
            }
            HttpResponse<String> asked = other.get("/interventions?school=" + city.school.value());
            if (!own.equals(city.school)) {
                assertThat(asked.statusCode()).as("another school's groups are not the viewer's to see").isEqualTo(403);
            }
        }
    }

    @Test
    void theDistrictsOwnTestCityIsProtectedTheSameWay() {
        // the tiny city's 2017-18 programs, school by school: a program under 5 participants is never shown
        TestCity city = TestCity.get();
        var year = org.communityschools.core.model.SchoolYear.containing(TestCity.TODAY);
        for (SchoolId school : city.data.schools().stream().map(s -> s.id()).toList()) {
            DistrictData at = Published.interventionsAt(city.data, school, i -> true);
            List<InterventionOutcome> outcomes = org.communityschools.metrics.InterventionOutcomes.evaluate(at, year, 30,
                    org.communityschools.metrics.ChronicAbsenceDefinition.FEDERAL).outcomes();
            Published.programs(outcomes, RULES).ifPresent(t -> {
                for (InterventionOutcome o : outcomes) {
                    if (o.participants() < RULES.minimumGroupSize()) {
                        assertThat(Published.shown(t.cell(Published.label(o)))).isFalse();
                    }
                }
            });
            assertThat(outcomes).allSatisfy(o -> assertThat(city.data.interventions().stream()
                    .filter(i -> i.schoolId().equals(school)).map(Intervention::providerId)).contains(o.providerId()));
        }
    }
}
