package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.model.BehaviorType;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.DisciplineActionType;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.Subject;
import org.communityschools.metrics.EarlyWarningFlag.Indicator;
import org.communityschools.metrics.EarlyWarningFlag.Level;

/** The early-warning list against a naive reference written with plain integer arithmetic, on random students and cut points. */
class EarlyWarningReferenceModelTest {
    static final int DAYS = 20;

    record Incident(BehaviorType behavior, DisciplineActionType action) {}

    record Mark(Subject subject, CourseResult result, Optional<Integer> numeric) {}

    record Spec(int absent, List<Incident> incidents, List<Mark> marks) {}

    record Cuts(int attendanceAtRisk, Optional<Integer> attendanceWarning, int suspensions, int incidents, Optional<Integer> incidentsWarning,
                int failures, Optional<Integer> markAtRisk, Optional<Integer> markWarning) {
        EarlyWarningDefinition definition() {
            EarlyWarningDefinition.Builder b = EarlyWarningDefinition.builder("RANDOM")
                    .attendanceAtRiskBelow(Ratio.of(attendanceAtRisk, DAYS)).suspensionsAtRisk(suspensions).incidentsAtRisk(incidents)
                    .failuresAtRisk(failures);
            attendanceWarning.ifPresent(w -> b.attendanceWarningBelow(Ratio.of(w, DAYS)));
            incidentsWarning.ifPresent(b::incidentsWarning);
            markAtRisk.ifPresent(m -> b.averageMarkAtRiskBelow(BigDecimal.valueOf(m)));
            markWarning.ifPresent(m -> b.averageMarkWarningBelow(BigDecimal.valueOf(m)));
            return b.build();
        }
    }

    @Provide
    Arbitrary<List<Spec>> students() {
        Arbitrary<Incident> incident = Combinators.combine(Arbitraries.of(BehaviorType.class), Arbitraries.of(DisciplineActionType.class))
                .as(Incident::new);
        Arbitrary<Mark> mark = Combinators.combine(Arbitraries.of(Subject.class), Arbitraries.of(CourseResult.PASS, CourseResult.FAIL),
                Arbitraries.integers().between(40, 100).optional()).as(Mark::new);
        return Combinators.combine(Arbitraries.integers().between(0, DAYS), incident.list().ofMaxSize(5), mark.list().ofMaxSize(4))
                .as(Spec::new).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<Cuts> cuts() {
        return Builders.withBuilder(() -> new Object[8])
                .use(Arbitraries.integers().between(1, DAYS)).in((a, v) -> { a[0] = v; return a; })
                .use(Arbitraries.integers().between(1, DAYS).optional()).in((a, v) -> { a[1] = v; return a; })
                .use(Arbitraries.integers().between(1, 3)).in((a, v) -> { a[2] = v; return a; })
                .use(Arbitraries.integers().between(1, 5)).in((a, v) -> { a[3] = v; return a; })
                .use(Arbitraries.integers().between(1, 4).optional()).in((a, v) -> { a[4] = v; return a; })
                .use(Arbitraries.integers().between(1, 3)).in((a, v) -> { a[5] = v; return a; })
                .use(Arbitraries.integers().between(40, 100).optional()).in((a, v) -> { a[6] = v; return a; })
                .use(Arbitraries.integers().between(40, 100).optional()).in((a, v) -> { a[7] = v; return a; })
                .build(a -> {
                    int attendance = (Integer) a[0];
                    int incidents = (Integer) a[3];
                    Optional<Integer> markAtRisk = cast(a[6]);
                    // an early-warning cut point is never stricter than the at-risk one (checked by the definition)
                    return new Cuts(attendance, cast(a[1]).map(w -> Math.max(w, attendance)), (Integer) a[2], incidents,
                            cast(a[4]).map(w -> Math.min(w, incidents)), (Integer) a[5], markAtRisk,
                            cast(a[7]).map(w -> Math.max(w, markAtRisk.orElse(0))));
                });
    }

    @SuppressWarnings("unchecked")
    static Optional<Integer> cast(Object o) {
        return (Optional<Integer>) o;
    }

    /** The reference: each indicator's level by plain integer comparisons. */
    static Map<Indicator, Level> reference(Spec s, Cuts c) {
        Map<Indicator, Level> flags = new EnumMap<>(Indicator.class);
        int present = DAYS - s.absent();
        if (present < c.attendanceAtRisk()) {
            flags.put(Indicator.ATTENDANCE, Level.AT_RISK);
        } else if (c.attendanceWarning().isPresent() && present < c.attendanceWarning().get()) {
            flags.put(Indicator.ATTENDANCE, Level.EARLY_WARNING);
        }
        long suspensions = s.incidents().stream().filter(i -> i.action() == DisciplineActionType.IN_SCHOOL_SUSPENSION
                || i.action() == DisciplineActionType.OUT_OF_SCHOOL_SUSPENSION || i.action() == DisciplineActionType.EXPULSION).count();
        int incidents = s.incidents().size();
        if (suspensions >= c.suspensions() || incidents >= c.incidents()) {
            flags.put(Indicator.BEHAVIOR, Level.AT_RISK);
        } else if (c.incidentsWarning().isPresent() && incidents >= c.incidentsWarning().get()) {
            flags.put(Indicator.BEHAVIOR, Level.EARLY_WARNING);
        }
        List<Mark> core = s.marks().stream().filter(m -> m.subject() == Subject.ELA || m.subject() == Subject.MATH).toList();
        long failures = core.stream().filter(m -> m.result() == CourseResult.FAIL).count();
        if (failures >= c.failures() || averageBelow(core, c.markAtRisk())) {
            flags.put(Indicator.COURSE_PERFORMANCE, Level.AT_RISK);
        } else if (averageBelow(core, c.markWarning())) {
            flags.put(Indicator.COURSE_PERFORMANCE, Level.EARLY_WARNING);
        }
        return flags;
    }

    static boolean averageBelow(List<Mark> marks, Optional<Integer> cut) {
        if (cut.isEmpty()) {
            return false;
        }
        for (Subject subject : List.of(Subject.ELA, Subject.MATH)) {
            List<Integer> values = marks.stream().filter(m -> m.subject() == subject && m.numeric().isPresent()).map(m -> m.numeric().get()).toList();
            if (!values.isEmpty() && values.stream().mapToInt(Integer::intValue).sum() < cut.get() * values.size()) {
                return true;
            }
        }
        return false;
    }

    record Expected(String id, int present, Map<Indicator, Level> flags) {
        long atRisk() {
            return flags.values().stream().filter(l -> l == Level.AT_RISK).count();
        }
    }

    @Property(tries = 150)
    void listMatchesTheNaiveReference(@ForAll("students") List<Spec> specs, @ForAll("cuts") Cuts cuts) {
        SmallDistrict d = new SmallDistrict(DAYS);
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            String id = "s" + (char) ('a' + i);
            StudentId student = d.student(id);
            d.absent(student, 0, s.absent());
            s.incidents().forEach(x -> d.incident(student, x.behavior(), x.action()));
            s.marks().forEach(m -> d.mark(student, m.subject(), m.result(), m.numeric().map(BigDecimal::valueOf)));
            expected.add(new Expected(id, DAYS - s.absent(), reference(s, cuts)));
        }
        expected.sort(Comparator.comparingInt((Expected e) -> -e.flags().size()).thenComparingLong(e -> -e.atRisk())
                .thenComparingInt(Expected::present).thenComparing(Expected::id));

        EarlyWarningList list = EarlyWarning.evaluate(d.build(), SmallDistrict.A, SmallDistrict.YEAR, cuts.definition());

        assertThat(list.entries()).extracting(e -> e.studentId().value()).containsExactlyElementsOf(expected.stream().map(Expected::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            Map<Indicator, Level> actual = new EnumMap<>(Indicator.class);
            list.entries().get(i).flags().forEach(f -> actual.put(f.indicator(), f.level()));
            assertThat(actual).as(expected.get(i).id()).isEqualTo(expected.get(i).flags());
        }
    }
}
