package org.communityschools.core.model;

import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.internal.Checks;

/**
 * A student ({@code students.csv}). Names and birth date are personal data: they never appear in messages or
 * logs of the SDK. Immutable and thread-safe.
 *
 * @param id               the student's identifier
 * @param firstName        first name
 * @param lastName         last name
 * @param birthDate        date of birth, in the past
 * @param sex              sex as reported
 * @param raceEthnicity    race/ethnicity in the federal categories
 * @param ninthGradeCohort the school year of first entry into grade 9, when the district states it
 *                         (otherwise derived from enrollments, 34 CFR 200.19(b)(1)(i))
 * @param directoryOptOut  whether the parent or eligible student opted out of directory information (34 CFR 99.37(a)(2))
 */
public record Student(StudentId id, @Size(max = 100) String firstName, @Size(max = 100) String lastName,
                      @Past LocalDate birthDate, Sex sex, RaceEthnicity raceEthnicity,
                      Optional<SchoolYear> ninthGradeCohort, boolean directoryOptOut) {
    /**
     * Checks that nothing is missing.
     *
     * @param id the student's identifier
     * @param firstName first name
     * @param lastName last name
     * @param birthDate date of birth, in the past
     * @param sex sex as reported
     * @param raceEthnicity race/ethnicity in the federal categories
     * @param ninthGradeCohort the school year of first entry into grade 9, when the district states it (otherwise
     *     derived from enrollments, 34 CFR 200.19(b)(1)(i))
     * @param directoryOptOut whether the parent or eligible student opted out of directory information (34 CFR
     *     99.37(a)(2))
     */
    public Student {
        Objects.requireNonNull(id, "student_id");
        Checks.text(firstName, "first_name");
        Checks.text(lastName, "last_name");
        Objects.requireNonNull(birthDate, "birth_date");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(raceEthnicity, "race_ethnicity");
        Objects.requireNonNull(ninthGradeCohort, "ninth_grade_cohort");
    }

    /** {@code Student[id=…]}: no personal data. */
    @Override
    public String toString() {
        return "Student[id=" + id + "]";
    }
}
