package org.communityschools.privacy.view;

import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.SchoolId;
import org.communityschools.privacy.FieldPath;

/**
 * Records of a permitted field that a view left out because they lie outside the scope of every grant of the field
 * (the agreement's schools, school years or effective period, the relationship's school and window, the consent's
 * window, the date of the decision), counted by field, school and reason. Never holds personal data. Immutable and
 * thread-safe.
 *
 * @param field  the field whose records were withheld
 * @param school the school of the records, empty for records of no school (a student characteristic)
 * @param count  how many, 1 or more
 * @param reason why, starting "outside" ({@link org.communityschools.privacy.policy.RecordScope#whyNot})
 */
public record Withheld(FieldPath field, Optional<SchoolId> school, int count, String reason) {
    /**
     * Checks that nothing is missing and the count is positive.
     *
     * @param field the field whose records were withheld
     * @param school the school of the records, empty for records of no school (a student characteristic)
     * @param count how many, 1 or more
     * @param reason why, starting "outside" ({@link org.communityschools.privacy.policy.RecordScope#whyNot})
     */
    public Withheld {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(reason, "reason");
        if (count < 1) {
            throw new IllegalArgumentException("a withheld count is 1 or more, was " + count);
        }
    }

    /**
     * In words: {@code 46 attendance records at SCH0003 withheld: outside agreement DSA-CBO001's schools}.
     *
     * @return the withheld records, in words
     */
    public String describe() {
        return count + " " + noun(field, count) + school.map(s -> " at " + s.value()).orElse("") + " withheld: " + reason;
    }

    private static String noun(FieldPath field, int count) {
        String one = switch (field.value()) {
            case "attendance.records" -> "attendance record";
            case "attendance.records.reason" -> "absence reason";
            case "behavior.incidents" -> "behavior incident";
            case "behavior.incidents.action" -> "incident action";
            case "behavior.incidents.description" -> "incident description";
            case "coursework.marks" -> "course mark";
            case "coursework.diplomas" -> "diploma";
            case "interventions.participation" -> "intervention participation";
            case "interventions.participation.goal" -> "intervention goal";
            case "meetings.actionSteps" -> "action step";
            case "meetings.notes" -> "meeting note";
            case "directory.enrollmentDates", "directory.school", "directory.gradeLevel" -> "enrollment";
            case "directory.exitWithdrawType" -> "exit";
            default -> "record";
        };
        String noun = count == 1 ? one : one + "s";
        return noun.equals("record") || noun.equals("records") || field.value().startsWith("directory.")
                ? noun + " (" + field.value() + ")" : noun;
    }

    @Override
    public String toString() {
        return describe();
    }
}
