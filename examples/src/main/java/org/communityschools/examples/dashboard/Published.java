package org.communityschools.examples.dashboard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.InterventionOutcome;
import org.communityschools.privacy.publication.CellStatus;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.ProtectedCell;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.SuppressionRules;
import org.communityschools.privacy.publication.TableProtector;

/**
 * The figures of groups of students the school pages show, protected as a published table is: each table of counts
 * goes through sdk-privacy's {@link TableProtector} under the dashboard's {@link SuppressionRules} (small-cell
 * suppression, complementary suppression so that no hidden cell can be recovered from the shown totals, the audit), and
 * a page shows a group's count, rate or any figure derived from the group's records only when its cell is published.
 * Stateless.
 */
final class Published {
    /** The root of the schools table: every school of the district with students counted. */
    static final String DISTRICT = "district";
    static final String COMMUNITY = "community schools";
    static final String OTHER = "other schools";
    /** The root of a programs table: every program group the viewer may see at the school. */
    static final String ALL_PROGRAMS = "all programs";

    private Published() {}

    /**
     * Chronic absence by school as one hierarchical table: the district over the community schools and the other
     * schools, each over its schools (a school's status is public); a school with no student counted has no row.
     * Count: students chronically absent; group: students counted (EDFacts FS195, per school enrollment).
     */
    static ProtectedTable schools(Map<SchoolId, AttendanceAggregate> bySchool, Predicate<SchoolId> community, SuppressionRules rules) {
        Dimension.Builder rows = Dimension.builder("group", DISTRICT).child(DISTRICT, COMMUNITY).child(DISTRICT, OTHER);
        Set<String> nonEmpty = new HashSet<>();
        List<Map.Entry<SchoolId, AttendanceAggregate>> counted = bySchool.entrySet().stream().filter(e -> e.getValue().counted() > 0)
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(SchoolId::value))).toList();
        for (Map.Entry<SchoolId, AttendanceAggregate> e : counted) {
            String group = community.test(e.getKey()) ? COMMUNITY : OTHER;
            rows.child(group, e.getKey().value());
            nonEmpty.add(group);
        }
        CountTable.Builder table = CountTable.builder(rows.build());
        for (String group : List.of(COMMUNITY, OTHER)) {
            if (!nonEmpty.contains(group)) {
                table.cell(group, 0, 0);
            }
        }
        counted.forEach(e -> table.cell(e.getKey().value(), e.getValue().chronicallyAbsent(), e.getValue().counted()));
        return TableProtector.protect(table.fillTotals().build(), rules);
    }

    /** The cell of {@code school} in a {@link #schools} table; empty when the school has no row (no student counted). */
    static Optional<ProtectedCell> school(ProtectedTable table, SchoolId school) {
        return table.rows().indexOf(school.value()) < 0 ? Optional.empty() : Optional.of(table.cell(school.value()));
    }

    /**
     * Intervention outcomes as a table: one row per program (type and provider) under the total of the programs shown.
     * Count: participants measured in both windows; group: participants. Empty when there is no program.
     */
    static Optional<ProtectedTable> programs(List<InterventionOutcome> outcomes, SuppressionRules rules) {
        if (outcomes.isEmpty()) {
            return Optional.empty();
        }
        List<String> labels = new ArrayList<>();
        outcomes.forEach(o -> labels.add(label(o)));
        CountTable.Builder table = CountTable.builder(Dimension.flat("program", ALL_PROGRAMS, labels));
        outcomes.forEach(o -> table.cell(label(o), o.measured(), o.participants()));
        return Optional.of(TableProtector.protect(table.fillTotals().build(), rules));
    }

    /** The row label of a program: its type and provider. */
    static String label(InterventionOutcome o) {
        return o.type().name() + " by " + o.providerId().value();
    }

    /**
     * The district's data with only the interventions at {@code school} that {@code visible} lets through, and their
     * participants: the input of a per-school outcome report. Made by deleting the others from a private live copy, in
     * time proportional to the interventions deleted (the data are shared, not copied).
     */
    static DistrictData interventionsAt(DistrictData data, SchoolId school, Predicate<Intervention> visible) {
        Set<Object> kept = new HashSet<>();
        ChangeBatch.Builder batch = ChangeBatch.builder();
        Set<RecordKey> deleted = new HashSet<>();
        for (Intervention i : data.interventions()) {
            if (i.schoolId().equals(school) && visible.test(i)) {
                kept.add(i.id());
            } else if (deleted.add(RecordKey.of(i))) {
                batch.deleteRecordOf(i);
            }
        }
        for (InterventionParticipant p : data.interventionParticipants()) {
            if (!kept.contains(p.interventionId()) && deleted.add(RecordKey.of(p))) {
                batch.deleteRecordOf(p);
            }
        }
        try (LiveDistrict copy = LiveDistrict.of(data)) {
            return copy.apply(batch.build()).data();
        }
    }

    /** A published cell as "12.5% (5 of 40)", or its marker with the reason; as HTML. */
    static String text(ProtectedCell c) {
        if (c.status() == CellStatus.PUBLISHED) {
            return c.rate().map(r -> r.toPercentString(1) + "% (" + c.count().orElseThrow() + " of " + c.groupSize().orElseThrow() + ")")
                    .orElse("–");
        }
        return marker(c);
    }

    /** The marker of a cell that is not published, with why, as HTML. */
    static String marker(ProtectedCell c) {
        return "<span class=\"suppressed\" title=\"" + Html.esc(why(c)) + "\">" + Html.esc(c.marker().orElse("s")) + "</span>";
    }

    static String why(ProtectedCell c) {
        return "suppressed to protect a small group (" + c.reason().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .orElse(c.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')) + ")";
    }

    /** The rate of a published cell; empty otherwise. */
    static Optional<Ratio> rate(ProtectedCell c) {
        return c.status() == CellStatus.PUBLISHED ? c.rate() : Optional.empty();
    }

    /** Whether the cell is published: then the group's other figures (attendance rates) may be shown too. */
    static boolean shown(ProtectedCell c) {
        return c.status() == CellStatus.PUBLISHED;
    }
}
