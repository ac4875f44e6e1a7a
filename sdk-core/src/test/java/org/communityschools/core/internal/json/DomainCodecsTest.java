package org.communityschools.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.communityschools.core.data.DataFile;
import org.junit.jupiter.api.Test;

/** The JSON keys of each record are the columns of its file, in the same order: one vocabulary for CSV and JSON. */
class DomainCodecsTest {

    @Test
    void usesTheColumnsOfEachFileAsKeysInOrder() {
        Map<DataFile, RecordCodec<?>> codecs = Map.ofEntries(
                Map.entry(DataFile.ORGANIZATIONS, DomainCodecs.ORGANIZATION),
                Map.entry(DataFile.SCHOOLS, DomainCodecs.SCHOOL),
                Map.entry(DataFile.PARTNERSHIPS, DomainCodecs.PARTNERSHIP),
                Map.entry(DataFile.STUDENTS, DomainCodecs.STUDENT),
                Map.entry(DataFile.STUDENT_CHARACTERISTICS, DomainCodecs.STUDENT_CHARACTERISTIC),
                Map.entry(DataFile.CALENDAR, DomainCodecs.INSTRUCTIONAL_DAY),
                Map.entry(DataFile.ENROLLMENTS, DomainCodecs.ENROLLMENT),
                Map.entry(DataFile.DIPLOMAS, DomainCodecs.DIPLOMA),
                Map.entry(DataFile.ATTENDANCE, DomainCodecs.ATTENDANCE_RECORD),
                Map.entry(DataFile.BEHAVIOR, DomainCodecs.BEHAVIOR_INCIDENT),
                Map.entry(DataFile.COURSE_MARKS, DomainCodecs.COURSE_MARK),
                Map.entry(DataFile.STAFF, DomainCodecs.STAFF),
                Map.entry(DataFile.STAFF_ASSIGNMENTS, DomainCodecs.staffAssignment(DomainCodecs.NO_RESOLVER)),
                Map.entry(DataFile.STUDENT_STAFF, DomainCodecs.STUDENT_STAFF),
                Map.entry(DataFile.INTERVENTIONS, DomainCodecs.intervention(DomainCodecs.NO_RESOLVER)),
                Map.entry(DataFile.INTERVENTION_PARTICIPANTS, DomainCodecs.INTERVENTION_PARTICIPANT),
                Map.entry(DataFile.CONSENTS, DomainCodecs.CONSENT),
                Map.entry(DataFile.MEETINGS, MeetingCodecs.MEETING),
                Map.entry(DataFile.AGENDA_ITEMS, MeetingCodecs.AGENDA_ITEM),
                Map.entry(DataFile.ACTION_STEPS, MeetingCodecs.ACTION_STEP),
                Map.entry(DataFile.AGREEMENTS, DomainCodecs.AGREEMENT));
        assertThat(codecs).hasSize(DataFile.values().length);
        codecs.forEach((file, codec) -> assertThat(codec.names()).as(file.fileName()).isEqualTo(file.columns()));
    }
}
