package org.communityschools.core.internal.live;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.json.CommunitySchoolsJson;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.ChangeOrigin;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.BehaviorIncident;
import org.communityschools.core.model.Consent;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentStaffRelationship;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch in JSON, for the change journal: {@code {"version": N, "changes": [...]}}, each change
 * {@code {"op": "upsert"|"delete", "file": "attendance.csv", "source": ..., "position": ..., "record": "{...}"}} (the
 * record in the SDK's JSON, docs/json.md, as a string so that decimals keep their exact text) or with {@code "key": [...]} for a delete; {@code "school_ids"} lists the
 * school-or-organization identifiers of the record that are schools. Stateless and thread-safe.
 */
final class JournalCodec {
    private static final Map<DataFile, Class<?>> TYPES = new EnumMap<>(DataFile.class);

    static {
        TYPES.put(DataFile.ORGANIZATIONS, Organization.class);
        TYPES.put(DataFile.SCHOOLS, School.class);
        TYPES.put(DataFile.PARTNERSHIPS, Partnership.class);
        TYPES.put(DataFile.STUDENTS, Student.class);
        TYPES.put(DataFile.STUDENT_CHARACTERISTICS, StudentCharacteristic.class);
        TYPES.put(DataFile.CALENDAR, InstructionalDay.class);
        TYPES.put(DataFile.ENROLLMENTS, Enrollment.class);
        TYPES.put(DataFile.DIPLOMAS, Diploma.class);
        TYPES.put(DataFile.ATTENDANCE, AttendanceRecord.class);
        TYPES.put(DataFile.BEHAVIOR, BehaviorIncident.class);
        TYPES.put(DataFile.COURSE_MARKS, CourseMark.class);
        TYPES.put(DataFile.STAFF, Staff.class);
        TYPES.put(DataFile.STAFF_ASSIGNMENTS, StaffAssignment.class);
        TYPES.put(DataFile.STUDENT_STAFF, StudentStaffRelationship.class);
        TYPES.put(DataFile.INTERVENTIONS, Intervention.class);
        TYPES.put(DataFile.INTERVENTION_PARTICIPANTS, InterventionParticipant.class);
        TYPES.put(DataFile.CONSENTS, Consent.class);
        TYPES.put(DataFile.MEETINGS, org.communityschools.core.model.Meeting.class);
        TYPES.put(DataFile.AGENDA_ITEMS, org.communityschools.core.model.AgendaItem.class);
        TYPES.put(DataFile.ACTION_STEPS, org.communityschools.core.model.ActionStep.class);
        TYPES.put(DataFile.AGREEMENTS, DataSharingAgreement.class);
    }

    private JournalCodec() {}

    record Decoded(long number, ChangeBatch batch) {}

    static String encode(long number, ChangeBatch batch) {
        JsonMapper m = CommunitySchoolsJson.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("version", number);
        ArrayNode changes = root.putArray("changes");
        for (Change c : batch.changes()) {
            ObjectNode n = changes.addObject();
            n.put("file", c.key().file().fileName());
            n.put("source", c.origin().source());
            n.put("position", c.origin().position());
            if (c instanceof Change.Upsert u) {
                n.put("op", "upsert");
                n.put("record", m.writeValueAsString(u.record()));
                EducationOrganizationId eo = u.record() instanceof StaffAssignment a ? a.organizationId()
                        : u.record() instanceof Intervention i ? i.providerId() : null;
                if (eo instanceof SchoolId s) {
                    n.putArray("school_ids").add(s.value());
                }
            } else {
                n.put("op", "delete");
                ArrayNode key = n.putArray("key");
                c.key().values().forEach(key::add);
            }
        }
        return m.writeValueAsString(root);
    }

    static Decoded decode(String json) {
        JsonNode root = CommunitySchoolsJson.mapper().readTree(json);
        ChangeBatch.Builder b = ChangeBatch.builder();
        for (JsonNode n : root.get("changes")) {
            DataFile file = file(n.get("file").asString());
            ChangeOrigin origin = new ChangeOrigin(n.get("source").asString(), n.get("position").asLong());
            if (n.get("op").asString().equals("upsert")) {
                Set<String> schools = new HashSet<>();
                JsonNode ids = n.get("school_ids");
                if (ids != null) {
                    ids.forEach(i -> schools.add(i.asString()));
                }
                JsonMapper m = CommunitySchoolsJson.mapper(
                        id -> schools.contains(id) ? (EducationOrganizationId) SchoolId.of(id) : OrganizationId.of(id));
                b.upsert(m.readValue(n.get("record").asString(), TYPES.get(file)), origin);
            } else {
                List<String> key = new java.util.ArrayList<>();
                n.get("key").forEach(k -> key.add(k.asString()));
                b.delete(new RecordKey(file, key), origin);
            }
        }
        return new Decoded(root.get("version").asLong(), b.build());
    }

    private static DataFile file(String name) {
        for (DataFile f : DataFile.values()) {
            if (f.fileName().equals(name)) {
                return f;
            }
        }
        throw new IllegalStateException("unknown file in the journal: " + name);
    }
}
