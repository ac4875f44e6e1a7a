package org.communityschools.core.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.Subject;

/**
 * {@link RecordConstraints} finds exactly the violations the validator finds, for any sequence of records: the values
 * it remembers as valid never hide a violation, also when valid and invalid values of the same component alternate.
 */
class RecordConstraintsProperties {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Property(tries = 200)
    void sameViolationsAsTheValidator(@ForAll("records") List<Object> records) {
        RecordConstraints constraints = new RecordConstraints(VALIDATOR);
        for (Object r : records) {
            assertThat(messages(constraints.validate(r))).isEqualTo(messages(VALIDATOR.validate(r)));
        }
    }

    /**
     * A worked example: the term "FY" (2 characters, at most 32) and the mark 90 (0 to 100) are remembered as valid by
     * the first record; the second record repeats them with a mark of 101, a value not remembered, so it is validated
     * whole and its one violation (numeric mark above 100) is reported; the third, all of whose values are
     * remembered, has none.
     */
    @Example
    void aRememberedValueDoesNotHideANewOne() {
        RecordConstraints constraints = new RecordConstraints(VALIDATOR);
        assertThat(constraints.validate(mark("FY", 90))).isEmpty();
        assertThat(messages(constraints.validate(mark("FY", 101)))).containsExactly("numericMark: must be less than or equal to 100");
        assertThat(constraints.validate(mark("FY", 90))).isEmpty();
        assertThat(RecordConstraints.NONE.validate(mark("FY", 101))).isEmpty();
    }

    /**
     * Each record type's check is its own hidden class (a copy of {@link KnownValid}, compiled for that type alone),
     * two types two classes, and the copy finds what the validator finds (the examples above run through it too).
     */
    @Example
    void eachTypeHasItsOwnCheck() {
        RecordConstraints constraints = new RecordConstraints(VALIDATOR);
        assertThat(constraints.validate(mark("FY", 90))).isEmpty();
        assertThat(constraints.validate(new Student(StudentId.of("S1"), "Ada", "Lovelace", LocalDate.of(2010, 1, 1),
                Sex.FEMALE, RaceEthnicity.HISPANIC, Optional.empty(), false))).isEmpty();
        var marks = constraints.checkOf(CourseMark.class);
        var students = constraints.checkOf(Student.class);
        assertThat(marks).isNotNull();
        assertThat(students).isNotNull();
        assertThat(marks.getClass().isHidden()).isTrue();
        assertThat(students.getClass().isHidden()).isTrue();
        assertThat(marks.getClass()).isNotEqualTo(students.getClass()).isNotEqualTo(KnownValid.class);
        assertThat(messages(constraints.validate(mark("FY", 101)))).containsExactly("numericMark: must be less than or equal to 100");
    }

    private static Set<String> messages(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).collect(Collectors.toSet());
    }

    /**
     * A worked example of the last value found valid, recognised by identity: one instance of a 33-character term (one
     * more than the 32 allowed) is reported each time it comes, never remembered; one instance of "S1" (valid) is found
     * again by identity after the invalid one, and stays valid.
     */
    @Example
    void theSameInstanceAgainIsCheckedTheSameWay() {
        RecordConstraints constraints = new RecordConstraints(VALIDATOR);
        String tooLong = "T".repeat(33);
        String term = new String("S1");

        assertThat(constraints.validate(mark(term, 90))).isEmpty();
        assertThat(messages(constraints.validate(mark(tooLong, 90)))).containsExactly("term: size must be between 0 and 32");
        assertThat(messages(constraints.validate(mark(tooLong, 90)))).containsExactly("term: size must be between 0 and 32");
        assertThat(constraints.validate(mark(term, 90))).isEmpty();
    }

    private static CourseMark mark(String term, int numeric) {
        return new CourseMark(StudentId.of("S1"), SchoolId.of("K1"), SchoolYear.of(2018), term, "ELA02", "English 2",
                Subject.ELA, Optional.of(BigDecimal.valueOf(numeric)), Optional.of("A"), CourseResult.PASS, BigDecimal.ONE,
                BigDecimal.ONE);
    }

    @Provide
    Arbitrary<List<Object>> records() {
        Arbitrary<Object> marks = Combinators.combine(
                Arbitraries.of("FY", "S1", "t".repeat(32), "t".repeat(33)),
                Arbitraries.of("English 2", "x".repeat(200), "x".repeat(201)),
                Arbitraries.integers().between(-2, 102),
                Arbitraries.of("A", "B+", "ABCDE"),
                Arbitraries.of(BigDecimal.ONE, BigDecimal.valueOf(100), BigDecimal.valueOf(101)))
                .as((term, title, numeric, letter, attempted) -> new CourseMark(StudentId.of("S1"), SchoolId.of("K1"),
                        SchoolYear.of(2018), term, "ELA02", title, Subject.ELA, Optional.of(BigDecimal.valueOf(numeric)),
                        Optional.of(letter), CourseResult.PASS, attempted, BigDecimal.ZERO));
        Arbitrary<Object> students = Combinators.combine(
                Arbitraries.of("Ana", "a".repeat(100), "a".repeat(101)),
                Arbitraries.of("Diaz", "d".repeat(101)),
                Arbitraries.of(LocalDate.of(2010, 3, 4), LocalDate.now().plusDays(1), LocalDate.of(2099, 1, 1)))
                .as((first, last, birth) -> new Student(StudentId.of("S1"), first, last, birth, Sex.FEMALE,
                        RaceEthnicity.HISPANIC, Optional.empty(), false));
        return Arbitraries.oneOf(marks, students).list().ofMaxSize(30);
    }
}
