package org.communityschools.privacy.policy;

import org.communityschools.privacy.FieldPath;

/**
 * A row-level restriction of a granted field of records: which of the student's records the requester sees. The
 * default policy's row for a Success Mentor grants "interventions they deliver", not every intervention of the
 * mentee (FERPA 34 CFR 99.31(a)(1)(ii), reasonable methods to limit a school official to the records in which they
 * have a legitimate educational interest). Each filter applies to one field only; a record view that does not
 * support a filter leaves the field out (fail closed).
 */
public enum RowFilter {
    /** Only the intervention participations whose staff member ({@code staff_id}) is the requester. */
    DELIVERED_BY_REQUESTER(FieldPath.of("interventions.participation")),
    /** Only the agenda notes of meetings the requester took part in (a participant of {@code meetings.csv}). */
    MEETING_PARTICIPANT(FieldPath.of("meetings.notes"));

    private final FieldPath field;

    RowFilter(FieldPath field) {
        this.field = field;
    }

    /** {@return the one field this filter applies to} */
    public FieldPath field() {
        return field;
    }
}
