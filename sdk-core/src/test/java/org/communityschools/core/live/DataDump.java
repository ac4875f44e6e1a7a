package org.communityschools.core.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.internal.live.Records;
import org.communityschools.core.model.AgreementHistory;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.Student;

/**
 * Everything a {@link DistrictData} answers, as one map of equal-comparable values: every file's records in order,
 * the dense indexes, and every lookup by student, staff member, school, organization and school year. Two data are
 * the same to a reader when their dumps are equal.
 */
final class DataDump {
    private DataDump() {}

    static Map<String, Object> of(DistrictData d) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (DataFile f : DataFile.values()) {
            List<Object> records = new ArrayList<>();
            Records.forEach(d, f, records::add);
            m.put("file " + f.fileName(), records);
        }
        m.put("attendance size", d.attendance().size());
        // the primitive visits, row by row and student by student (a live version reads changed students' own rows)
        List<String> rows = new ArrayList<>();
        d.attendance().forEach((st, sch, day, c, t) -> rows.add(d.studentAt(st) + "," + d.schoolAt(sch) + "," + day + "," + c + "," + t));
        m.put("attendance rows", rows);
        List<String> blocks = new ArrayList<>();
        d.attendance().forEachStudent(0, Integer.MAX_VALUE, r -> {
            for (int i = 0; i < r.size(); i++) {
                blocks.add(d.studentAt(r.studentIndex()) + "," + d.schoolAt(r.schoolIndex(i)) + "," + r.epochDay(i) + ","
                        + r.category(i) + "," + r.durationTenThousandths(i));
            }
        });
        m.put("attendance rows by student", blocks);
        m.put("school years", List.copyOf(d.schoolYears()));
        List<Object> index = new ArrayList<>();
        for (int i = 0; i < d.students().size(); i++) {
            index.add(d.studentAt(i) + "=" + d.studentIndex(d.studentAt(i)));
        }
        m.put("student index", index);
        for (Student s : d.students()) {
            var id = s.id();
            m.put("student " + id, List.of(d.student(id), d.enrollmentsOf(id), d.characteristicsOf(id), d.diplomasOf(id),
                    d.incidentsOf(id), d.courseMarksOf(id), d.consentsOf(id), d.participantsOf(id),
                    d.relationshipsOfStudent(id), d.attendance().recordsOf(id)));
        }
        for (Staff s : d.staff()) {
            m.put("staff " + s.id(), List.of(d.staff(s.id()), d.assignmentsOf(s.id()), d.relationshipsOfStaff(s.id())));
        }
        for (School s : d.schools()) {
            List<Object> years = new ArrayList<>();
            for (SchoolYear y : d.schoolYears()) {
                years.add(d.partnershipsOf(s.id(), y));
            }
            m.put("school " + s.id(), List.of(d.school(s.id()), d.schoolIndex(s.id()), d.enrollmentsAt(s.id()),
                    d.calendar(s.id()).days(), years));
        }
        for (Organization o : d.organizations()) {
            List<Object> years = new ArrayList<>();
            for (SchoolYear y : d.schoolYears()) {
                years.add(d.schoolsPartneredWith(o.id(), y));
            }
            m.put("organization " + o.id(), List.of(d.organization(o.id()), years));
        }
        List<Object> histories = new ArrayList<>();
        for (AgreementHistory h : d.agreementHistories()) {
            histories.add(h.versions());
        }
        m.put("agreements", histories);
        return m;
    }
}
