package org.communityschools.privacy.scope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.policy.Rule;

/** Random requests against a city, most of them from staff related to the student so that something is permitted. */
final class ScopeRequests {
    private static final LocalDate FIRST = LocalDate.of(2014, 7, 1);
    private static final int DAYS = 1560;

    /** One request: who asks about whom, for what, on which day. */
    record Request(StaffId requester, StudentId student, Purpose purpose, LocalDate date) {}

    private ScopeRequests() {}

    static List<Request> draw(DistrictData d, Policy policy, long seed, int n) {
        Random rnd = new Random(seed);
        List<Request> out = new ArrayList<>(n);
        List<StudentStaffRelationship> rels = d.studentStaffRelationships();
        List<StaffAssignment> assignments = d.staffAssignments();
        List<Consent> consents = d.consents();
        while (out.size() < n) {
            int k = rnd.nextInt(20);
            StaffId staff;
            StudentId student;
            LocalDate date;
            if (k < 6) {
                StudentStaffRelationship r = rels.get(rnd.nextInt(rels.size()));
                staff = r.staffId();
                student = r.studentId();
                date = r.period().start().plusDays(rnd.nextInt(420) - 20);
            } else if (k < 12) {
                // a role first, so that the roles few staff hold (researchers, district administrators) are asked too
                List<StaffRole> roles = assignments.stream().map(StaffAssignment::role).distinct().sorted().toList();
                StaffRole role = roles.get(rnd.nextInt(roles.size()));
                List<StaffAssignment> of = assignments.stream().filter(x -> x.role() == role).toList();
                StaffAssignment a = of.get(rnd.nextInt(of.size()));
                List<Enrollment> there = a.organizationId() instanceof org.communityschools.core.model.SchoolId s
                        ? d.enrollmentsAt(s) : d.enrollments();
                Enrollment e = there.get(rnd.nextInt(there.size()));
                staff = a.staffId();
                student = e.studentId();
                date = e.entryDate().plusDays(rnd.nextInt(400) - 10);
            } else if (k < 15) {
                Consent c = consents.get(rnd.nextInt(consents.size()));
                List<Staff> at = d.staff().stream().filter(s -> s.employerId().equals(c.recipientId())).toList();
                if (at.isEmpty()) {
                    continue;
                }
                staff = at.get(rnd.nextInt(at.size())).id();
                student = c.studentId();
                date = c.signedDate().plusDays(rnd.nextInt(700) - 30);
            } else {
                staff = d.staff().get(rnd.nextInt(d.staff().size())).id();
                student = d.students().get(rnd.nextInt(d.students().size())).id();
                date = FIRST.plusDays(rnd.nextInt(DAYS));
            }
            out.add(new Request(staff, student, purpose(d, policy, staff, rnd), date));
        }
        return out;
    }

    /** Mostly a purpose a rule for one of the requester's roles serves; sometimes any declared purpose. */
    private static Purpose purpose(DistrictData d, Policy policy, StaffId staff, Random rnd) {
        Set<Purpose> served = new TreeSet<>();
        for (StaffAssignment a : d.assignmentsOf(staff)) {
            StaffRole role = a.role();
            for (Rule r : policy.rules()) {
                if (r.roles().contains(role)) {
                    served.addAll(r.purposes());
                }
            }
        }
        List<Purpose> from = served.isEmpty() || rnd.nextInt(8) == 0 ? List.copyOf(policy.purposes().keySet())
                : List.copyOf(served);
        return from.get(rnd.nextInt(from.size()));
    }
}
