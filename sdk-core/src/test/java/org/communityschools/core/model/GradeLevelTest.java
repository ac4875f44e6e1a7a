package org.communityschools.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradeLevelTest {

    @Test
    void parsesCodesWithAndWithoutTheLeadingZero() {
        assertThat(GradeLevel.parse("PK")).isEqualTo(GradeLevel.PK);
        assertThat(GradeLevel.parse("KG")).isEqualTo(GradeLevel.KG);
        assertThat(GradeLevel.parse("09")).isEqualTo(GradeLevel.G09);
        assertThat(GradeLevel.parse("9")).isEqualTo(GradeLevel.G09);
        assertThat(GradeLevel.parse("12")).isEqualTo(GradeLevel.G12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "0", "13", "pk", "K", "009", "G09"})
    void rejectsOtherCodes(String code) {
        assertThatThrownBy(() -> GradeLevel.parse(code)).hasMessageContaining("grade must be PK, KG or 01-12");
    }

    @Test
    void mapsGradeNumbers() {
        assertThat(GradeLevel.ofNumber(1)).isEqualTo(GradeLevel.G01);
        assertThat(GradeLevel.ofNumber(12)).isEqualTo(GradeLevel.G12);
        assertThatThrownBy(() -> GradeLevel.ofNumber(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GradeLevel.ofNumber(13)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void highSchoolIsGradesNineToTwelve() {
        assertThat(GradeLevel.G08.isHighSchool()).isFalse();
        assertThat(GradeLevel.G09.isHighSchool()).isTrue();
        assertThat(GradeLevel.G12.isHighSchool()).isTrue();
        assertThat(GradeLevel.PK.compareTo(GradeLevel.KG)).isNegative();
    }
}
