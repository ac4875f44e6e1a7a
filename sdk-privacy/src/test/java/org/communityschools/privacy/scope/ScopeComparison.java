package org.communityschools.privacy.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.scope.ScopeReference.Authority;
import org.communityschools.privacy.scope.ScopeReference.RefGrant;
import org.communityschools.privacy.scope.ScopeRequests.Request;
import org.communityschools.privacy.view.DisclosedView;
import org.communityschools.privacy.view.StudentRecordView;

/** One request through the engine and the view, compared with the {@link ScopeReference}. */
final class ScopeComparison {
    /** The outcome of one request: the differences found, each tagged by its kind, and what was disclosed. */
    record Outcome(List<String> differences, int outsideScope, int recordsShown, boolean permitsAny,
                   Set<LegalBasis> basesShown) {}

    private ScopeComparison() {}

    static Outcome compare(DistrictData data, PolicyEngine engine, ScopeReference ref, Request q) {
        Decision d = engine.decide(q.requester(), q.student(), q.purpose(), org.communityschools.privacy.policy.TinyCity.noon(q.date()));
        Map<String, List<RefGrant>> grants = ref.grants(q.requester(), q.student(), q.purpose(), q.date());
        List<String> diff = new ArrayList<>();
        // fields and their grants, by precedence
        Set<String> permitted = new TreeSet<>();
        d.permittedFields().forEach(f -> permitted.add(f.value()));
        if (!permitted.equals(grants.keySet())) {
            diff.add("permitted fields: engine " + minus(permitted, grants.keySet()) + " more, "
                    + minus(grants.keySet(), permitted) + " fewer");
        }
        for (Map.Entry<String, List<RefGrant>> e : grants.entrySet()) {
            List<String> expected = e.getValue().stream().map(g -> g.basis() + "/" + g.ruleId() + "/"
                    + g.agreement().map(Object::toString).orElse("-") + "/" + g.consent().map(Object::toString).orElse("-")).toList();
            List<String> actual = d.grantsOf(FieldPath.of(e.getKey())).stream().map(g -> g.basis() + "/" + g.ruleId() + "/"
                    + g.agreement().map(Object::toString).orElse("-") + "/" + g.consent().map(Object::toString).orElse("-")).toList();
            if (!actual.isEmpty() && !expected.equals(actual)) {
                diff.add("grants of " + e.getKey() + ": engine " + actual + ", reference " + expected);
            }
        }
        // the view's JSON against the expected content
        ExpectedView expected = ExpectedView.of(ref, data, q.requester(), q.student(), q.date(), grants);
        DisclosureSink sink = DisclosureLogs.inMemory();
        StudentRecordView view = StudentRecordView.of(data, d);
        DisclosedView shown = view.disclose(sink);
        ViewContent actual = ViewContent.of(shown.json());
        if (!actual.fields().equals(expected.fields())) {
            diff.add("fields shown: engine " + minus(actual.fields(), expected.fields()) + " more, "
                    + minus(expected.fields(), actual.fields()) + " fewer");
        }
        int outside = 0;
        int count = 0;
        Set<String> fields = new TreeSet<>(actual.records().keySet());
        fields.addAll(expected.records().keySet());
        for (String f : fields) {
            List<String> a = actual.records().getOrDefault(f, List.of());
            List<String> x = expected.records().getOrDefault(f, List.of());
            count += a.size();
            Set<String> inScope = expected.inAnyScope().get(f);
            if (inScope != null || !f.startsWith("directory.school") && !f.equals("directory.gradeLevel")) {
                for (String k : a) {
                    if (inScope == null || !inScope.contains(k)) {
                        outside++;
                        if (outside <= 3) {
                            diff.add("OUTSIDE SCOPE: " + f + " " + k);
                        }
                    }
                }
            }
            if (!a.equals(x)) {
                diff.add("records of " + f + ": engine " + minusList(a, x) + " more, " + minusList(x, a) + " fewer");
            }
        }
        // every record of a shown field of records that is not shown is counted as withheld, with a reason
        Map<String, Integer> all = Map.of("attendance.records", data.attendance().recordsOf(q.student()).size(),
                "behavior.incidents", data.incidentsOf(q.student()).size(),
                "coursework.marks", data.courseMarksOf(q.student()).size(),
                "coursework.diplomas", data.diplomasOf(q.student()).size());
        for (Map.Entry<String, Integer> e : all.entrySet()) {
            int written = actual.records().getOrDefault(e.getKey(), List.of()).size();
            int withheld = view.withheld().stream().filter(w -> w.field().value().equals(e.getKey()))
                    .mapToInt(org.communityschools.privacy.view.Withheld::count).sum();
            if (written > 0 && written + withheld != e.getValue()) {
                diff.add("withheld " + e.getKey() + ": " + written + " shown + " + withheld + " withheld of " + e.getValue());
            }
        }
        // the log entries against what the reference writes under each authority
        Map<Authority, Set<String>> loggedFields = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        Map<Authority, Map<String, Integer>> loggedCounts = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (DisclosureEntry e : shown.entries()) {
            Disclosure x = e.disclosure();
            Authority a = new Authority(x.legalBasis(), x.agreementId(), x.consentId());
            loggedFields.computeIfAbsent(a, k -> new TreeSet<>()).addAll(x.fields().stream().map(FieldPath::value).toList());
            x.recordCounts().forEach((f, n) -> loggedCounts.computeIfAbsent(a, k -> new TreeMap<>()).merge(f.value(), n, Integer::sum));
        }
        Map<Authority, Set<String>> expectedFields = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        expectedFields.putAll(expected.written());
        if (!loggedFields.equals(expectedFields)) {
            diff.add("log fields by authority: engine " + loggedFields + ", reference " + expectedFields);
        }
        Map<Authority, Map<String, Integer>> expectedCounts = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        expected.counts().forEach((a, m) -> {
            Map<String, Integer> c = new TreeMap<>(m);
            c.remove("directory.school");
            c.remove("directory.gradeLevel");
            expectedCounts.put(a, c);
        });
        Map<Authority, Map<String, Integer>> logged = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        loggedCounts.forEach((a, m) -> {
            Map<String, Integer> c = new TreeMap<>(m);
            c.remove("directory.school");
            c.remove("directory.gradeLevel");
            logged.put(a, c);
        });
        expectedCounts.values().removeIf(Map::isEmpty);
        logged.values().removeIf(Map::isEmpty);
        if (!logged.equals(expectedCounts)) {
            diff.add("log record counts by authority: engine " + logged + ", reference " + expectedCounts);
        }
        Set<LegalBasis> bases = new TreeSet<>();
        shown.entries().forEach(e -> bases.add(e.disclosure().legalBasis()));
        return new Outcome(diff, outside, count, d.permitsAny(), bases);
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static List<String> minusList(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        for (String x : b) {
            out.remove(x);
        }
        return out.size() > 6 ? new ArrayList<>(out.subList(0, 6)) {
            @Override
            public String toString() {
                return super.toString() + "...";
            }
        } : out;
    }
}
