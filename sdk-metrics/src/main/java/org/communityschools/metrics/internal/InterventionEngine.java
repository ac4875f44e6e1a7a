package org.communityschools.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.metrics.ChronicAbsenceDefinition;
import org.communityschools.metrics.InterventionOutcome;
import org.communityschools.metrics.InterventionOutcomeReport;
import org.communityschools.metrics.WindowRates;

/** Computes {@link InterventionOutcomeReport}s; see {@link org.communityschools.metrics.InterventionOutcomes}. */
public final class InterventionEngine {
    private InterventionEngine() {}

    private record Group(InterventionType type, EducationOrganizationId provider) {}

    private record Start(LocalDate date, String interventionId, SchoolId school) {}

    private static final Comparator<Group> GROUP_ORDER = Comparator.comparing((Group g) -> g.type())
            .thenComparing(g -> g.provider().value());

    /** The report; arguments already checked. */
    public static InterventionOutcomeReport evaluate(DistrictData data, SchoolYear year, int windowDays, ChronicAbsenceDefinition definition,
                                                     Ratio band, int k) {
        DateRange yearDates = year.dates();
        Map<Group, Set<StudentId>> excluded = new HashMap<>();
        Map<Group, Map<StudentId, Start>> starts = new TreeMap<>(GROUP_ORDER);
        for (InterventionParticipant p : data.interventionParticipants()) {
            Optional<Intervention> intervention = data.intervention(p.interventionId());
            if (intervention.isEmpty() || !p.period().overlaps(yearDates)) {
                continue;
            }
            Group g = new Group(intervention.get().type(), intervention.get().providerId());
            excluded.computeIfAbsent(g, x -> new HashSet<>()).add(p.studentId());
            if (year.contains(p.period().start())) {
                Start s = new Start(p.period().start(), p.interventionId().value(), intervention.get().schoolId());
                starts.computeIfAbsent(g, x -> new TreeMap<>()).merge(p.studentId(), s, (a, b) -> earlier(a, b) ? a : b);
            }
        }
        Matching method = new Matching(data, year, windowDays, definition, band, k, year.lastDay());
        List<InterventionOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<Group, Map<StudentId, Start>> e : starts.entrySet()) {
            Set<StudentId> out = excluded.get(e.getKey());
            int measured = 0;
            int matched = 0;
            WindowRates participants = WindowRates.EMPTY;
            WindowRates matchedRates = WindowRates.EMPTY;
            WindowRates comparison = WindowRates.EMPTY;
            int pairs = 0;
            Set<StudentId> comparisonStudents = new HashSet<>();
            Map<StudentId, List<StudentId>> matches = new LinkedHashMap<>();
            for (Map.Entry<StudentId, Start> p : e.getValue().entrySet()) {
                Start s = p.getValue();
                Matching.Windows w = method.windows(s.school(), s.date());
                WindowRates own = method.measure(p.getKey(), s.school(), w, s.date());
                if (!Matching.isMeasured(own)) {
                    continue;
                }
                measured++;
                participants = participants.plus(own);
                List<StudentId> chosen = method.match(p.getKey(), s.school(), s.date(), w, own, out);
                if (chosen.isEmpty()) {
                    continue;
                }
                matched++;
                matchedRates = matchedRates.plus(own);
                for (StudentId c : chosen) {
                    comparison = comparison.plus(method.measure(c, s.school(), w, s.date()));
                    pairs++;
                    comparisonStudents.add(c);
                }
                matches.put(p.getKey(), chosen);
            }
            outcomes.add(new InterventionOutcome(e.getKey().type(), e.getKey().provider(), e.getValue().size(), measured, participants,
                    matched, matchedRates, pairs, comparisonStudents.size(), comparison, matches));
        }
        return new InterventionOutcomeReport(year, windowDays, definition, band, k, outcomes);
    }

    private static boolean earlier(Start a, Start b) {
        int c = a.date().compareTo(b.date());
        return c < 0 || (c == 0 && a.interventionId().compareTo(b.interventionId()) <= 0);
    }
}
