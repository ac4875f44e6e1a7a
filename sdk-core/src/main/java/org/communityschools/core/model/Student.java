package org.communityschools.core.model;

import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.internal.Checks;
import org.communityschools.core.internal.SetOnce;
import org.jspecify.annotations.Nullable;

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

    /**
     * A set-once builder, for building a student from a host's own records. Required: {@code id}, {@code name},
     * {@code birthDate}, {@code sex}, {@code raceEthnicity}. Optional: {@code ninthGradeCohort}; {@code directoryOptOut}
     * is false by default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A set-once builder of {@link Student}: each setting is set once and checked at once. Not thread-safe. */
    public static final class Builder {
        private static final String TYPE = "Student.builder()";
        private @Nullable StudentId id;
        private @Nullable String firstName;
        private @Nullable String lastName;
        private @Nullable LocalDate birthDate;
        private @Nullable Sex sex;
        private @Nullable RaceEthnicity raceEthnicity;
        private @Nullable SchoolYear ninthGradeCohort;
        private @Nullable Boolean directoryOptOut;

        private Builder() {}

        /**
         * The student's identifier.
         *
         * @param id the identifier
         * @return this builder
         */
        public Builder id(StudentId id) {
            this.id = SetOnce.set(this.id, id, "id");
            return this;
        }

        /**
         * The first and last name, neither blank, each at most 100 characters (the names are not echoed in messages).
         *
         * @param firstName the first name
         * @param lastName  the last name
         * @return this builder
         */
        public Builder name(String firstName, String lastName) {
            checkName(firstName, "firstName");
            checkName(lastName, "lastName");
            this.firstName = SetOnce.set(this.firstName, firstName, "name");
            this.lastName = lastName;
            return this;
        }

        /**
         * The date of birth, in the past.
         *
         * @param date the date of birth
         * @return this builder
         */
        public Builder birthDate(LocalDate date) {
            Objects.requireNonNull(date, "birthDate");
            if (!date.isBefore(LocalDate.now(ZoneOffset.UTC))) {
                throw new IllegalArgumentException("birthDate must be in the past");
            }
            this.birthDate = SetOnce.set(this.birthDate, date, "birthDate");
            return this;
        }

        /**
         * The sex as reported.
         *
         * @param sex the sex
         * @return this builder
         */
        public Builder sex(Sex sex) {
            this.sex = SetOnce.set(this.sex, sex, "sex");
            return this;
        }

        /**
         * The race/ethnicity in the federal categories.
         *
         * @param raceEthnicity the category
         * @return this builder
         */
        public Builder raceEthnicity(RaceEthnicity raceEthnicity) {
            this.raceEthnicity = SetOnce.set(this.raceEthnicity, raceEthnicity, "raceEthnicity");
            return this;
        }

        /**
         * The school year of first entry into grade 9, when the district states it.
         *
         * @param year the cohort year
         * @return this builder
         */
        public Builder ninthGradeCohort(SchoolYear year) {
            this.ninthGradeCohort = SetOnce.set(this.ninthGradeCohort, year, "ninthGradeCohort");
            return this;
        }

        /**
         * Whether the parent or eligible student opted out of directory information (34 CFR 99.37(a)(2)); false by
         * default.
         *
         * @param optOut whether they opted out
         * @return this builder
         */
        public Builder directoryOptOut(boolean optOut) {
            this.directoryOptOut = SetOnce.set(this.directoryOptOut, optOut, "directoryOptOut");
            return this;
        }

        /**
         * The student.
         *
         * @return the student
         * @throws IllegalStateException when a required setting is missing
         */
        public Student build() {
            return new Student(SetOnce.required(id, TYPE, "id"), SetOnce.required(firstName, TYPE, "name"),
                    Objects.requireNonNull(lastName), SetOnce.required(birthDate, TYPE, "birthDate"),
                    SetOnce.required(sex, TYPE, "sex"), SetOnce.required(raceEthnicity, TYPE, "raceEthnicity"),
                    Optional.ofNullable(ninthGradeCohort), directoryOptOut != null && directoryOptOut);
        }

        private static void checkName(String value, String label) {
            Checks.text(value, label);
            if (value.length() > 100) {
                throw new IllegalArgumentException(label + " must have at most 100 characters, was " + value.length());
            }
        }
    }
}
