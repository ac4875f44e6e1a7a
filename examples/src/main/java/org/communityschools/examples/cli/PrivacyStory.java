package org.communityschools.examples.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.disclosure.VerificationReport;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.view.DisclosedView;
import org.communityschools.privacy.view.StudentRecordView;

/**
 * What the principal, the Community School Director, a Success Mentor and a teacher of one community school each
 * may see of one student under the shipped default policy, and why: each requester's record view (permitted fields,
 * records in scope only) is disclosed through a tamper-evident log, which records exactly what each view holds (fields,
 * record counts, masks, digest) before the demo summarizes it; the log is then verified.
 */
final class PrivacyStory {
    private PrivacyStory() {}

    /** One requester's view of the student, and the entries that recorded it. */
    record View(String role, StaffId staff, Purpose purpose, Decision decision, StudentRecordView view, DisclosedView disclosed) {
        /** The categories the view shows (not merely those permitted: a permitted field with nothing in scope shows nothing). */
        String categories() {
            return view.categories().isEmpty() ? "nothing" : String.join(", ", view.categories());
        }

        /** How many records of each field of records the view shows. */
        String records() {
            return view.recordCounts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }

    /** The views and the log they produced. */
    record Result(StudentId student, List<View> views, Path log, VerificationReport verification, long entries) {}

    static Optional<Result> tell(DistrictData data, SchoolId school, LocalDate date, Path log) {
        ZoneId zone = ZoneId.of("America/New_York");
        PolicyEngine engine = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(data).zone(zone).build();
        List<StaffAssignment> here = data.staffAssignments().stream()
                .filter(a -> a.organizationId().equals(school) && a.period().contains(date))
                .sorted(Comparator.comparing(a -> a.staffId().value())).toList();
        Optional<StaffId> mentor = first(here, StaffRole.SUCCESS_MENTOR);
        if (mentor.isEmpty()) {
            return Optional.empty();
        }
        Optional<StudentId> mentee = data.relationshipsOn(mentor.get(), date).stream()
                .filter(r -> r.relationship() == RelationshipType.MENTOR_OF)
                .map(StudentStaffRelationship::studentId)
                .filter(s -> data.relationshipsOfStudent(s).stream().anyMatch(r -> r.relationship() == RelationshipType.TEACHER_OF
                        && r.period().contains(date)))
                .findFirst();
        if (mentee.isEmpty()) {
            return Optional.empty();
        }
        StudentId student = mentee.get();
        Optional<StaffId> teacher = data.relationshipsOfStudent(student).stream()
                .filter(r -> r.relationship() == RelationshipType.TEACHER_OF && r.period().contains(date))
                .map(StudentStaffRelationship::staffId).findFirst();
        java.time.Instant at = date.atTime(10, 0).atZone(zone).toInstant();
        List<View> views = new ArrayList<>();
        long entries = 0;
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log)) {
            first(here, StaffRole.PRINCIPAL).ifPresent(s -> views.add(view(data, engine, sink, "principal", s, "school-administration", student, at)));
            first(here, StaffRole.COMMUNITY_SCHOOL_DIRECTOR).ifPresent(s -> views.add(view(data, engine, sink, "community school director", s,
                    "student-support", student, at)));
            views.add(view(data, engine, sink, "success mentor", mentor.get(), "student-support", student, at));
            teacher.ifPresent(s -> views.add(view(data, engine, sink, "teacher", s, "instruction", student, at)));
        }
        for (View v : views) {
            entries += v.disclosed().entries().size();
        }
        return Optional.of(new Result(student, views, log, DisclosureLogs.verify(log), entries));
    }

    /** Decides, builds the view and records it in {@code sink} (record first: the summary is printed afterwards). */
    private static View view(DistrictData data, PolicyEngine engine, DisclosureSink sink, String role, StaffId staff, String purpose,
                             StudentId student, java.time.Instant at) {
        Purpose p = Purpose.of(purpose);
        Decision decision = engine.decide(staff, student, p, at);
        StudentRecordView view = StudentRecordView.of(data, decision);
        return new View(role, staff, p, decision, view, view.disclose(sink));
    }

    private static Optional<StaffId> first(List<StaffAssignment> here, StaffRole role) {
        return here.stream().filter(a -> a.role() == role).map(StaffAssignment::staffId).findFirst();
    }

    /** The lines the demo prints and the report lists. */
    static List<String> lines(Result result) {
        List<String> lines = new ArrayList<>();
        lines.add("Student " + result.student() + " as each of the school's staff may see the record (default policy):");
        for (View v : result.views()) {
            Decision d = v.decision();
            String basis = d.grants().stream().map(g -> g.basis().name() + " by rule " + g.ruleId()).distinct().sorted()
                    .collect(Collectors.joining("; "));
            lines.add(String.format(java.util.Locale.ROOT, "   %-26s %s (%s, purpose %s): %s%s", v.role(), v.staff(),
                    d.permittedCategories().isEmpty() ? "denied" : "shown", v.purpose(), v.categories(),
                    basis.isEmpty() ? "" : " [" + basis + "]"));
            if (!v.records().isEmpty()) {
                lines.add("      records shown: " + v.records());
            }
            v.view().withheld().stream().limit(2).forEach(w -> lines.add("      " + w.describe()));
            for (DataCategory c : List.of(DataCategory.SPECIAL_EDUCATION, DataCategory.HEALTH)) {
                if (!d.permittedCategories().contains(c) && !d.denialReasons(c).isEmpty()) {
                    lines.add("      not " + c.name().toLowerCase(java.util.Locale.ROOT) + ": " + d.denialReasons(c).get(0));
                    break;
                }
            }
        }
        lines.add(String.format(java.util.Locale.ROOT, "   Disclosure log %s: %d entries (34 CFR 99.32), each listing exactly "
                + "the fields, record counts and digest of a view shown, verified: %s",
                result.log().getFileName(), result.entries(), result.verification().isIntact() ? "intact" : result.verification()));
        return lines;
    }
}
