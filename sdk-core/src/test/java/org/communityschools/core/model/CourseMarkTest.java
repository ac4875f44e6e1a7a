package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CourseMarkTest {

    private static CourseMark mark(CourseResult result, String attempted, String earned) {
        return new CourseMark(StudentId.of("S1"), SchoolId.of("01M015"), SchoolYear.of(2018), "S1", "MXS21", "Geometry",
                Subject.MATH, Optional.of(new BigDecimal("87.50")), Optional.of("B+"), result, new BigDecimal(attempted),
                new BigDecimal(earned));
    }

    @Test
    void earnsAtMostTheCreditsAttempted() {
        assertThat(mark(CourseResult.PASS, "1", "1").creditsEarned()).isEqualTo(BigDecimal.ONE);
        assertThat(mark(CourseResult.PASS, "1", "0.5").creditsEarned()).isEqualTo(new BigDecimal("0.5"));
        assertThatThrownBy(() -> mark(CourseResult.PASS, "1", "1.5"))
                .hasMessage("credits_earned must not exceed credits_attempted: 1.5 > 1");
    }

    @Test
    void rejectsNegativeCredits() {
        assertThatThrownBy(() -> mark(CourseResult.WITHDRAWN, "-1", "-1")).hasMessage("credits must not be negative");
        assertThatThrownBy(() -> mark(CourseResult.PASS, "1", "-0.5")).hasMessage("credits must not be negative");
    }

    @Test
    void aFailEarnsNoCredits() {
        assertThat(mark(CourseResult.FAIL, "1", "0").creditsEarned().signum()).isZero();
        assertThatThrownBy(() -> mark(CourseResult.FAIL, "1", "1")).hasMessage("a FAIL result earns no credits, was 1");
    }

    @Test
    void equalNumbersMakeEqualMarks() {
        assertThat(mark(CourseResult.PASS, "1.00", "0.50")).isEqualTo(mark(CourseResult.PASS, "1", "0.5"));
        assertThat(mark(CourseResult.PASS, "10", "10").creditsAttempted()).hasToString("10");
        assertThat(mark(CourseResult.PASS, "1", "1").numericMark()).contains(new BigDecimal("87.5"));
    }

    @Test
    void rejectsABlankCourseCode() {
        assertThatThrownBy(() -> new CourseMark(StudentId.of("S1"), SchoolId.of("01M015"), SchoolYear.of(2018), "S1", " ",
                "Geometry", Subject.MATH, Optional.empty(), Optional.empty(), CourseResult.PASS, BigDecimal.ONE, BigDecimal.ONE))
                .hasMessage("course_code must not be blank");
    }
}
