package org.communityschools.interop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;

/** Invariants of the derived enrollments. */
class ImporterProperties {
    @Property
    void theGradeAnAgeImpliesIsAlwaysOneTheSchoolOffers(@ForAll @IntRange(min = 0, max = 13) int low,
                                                         @ForAll @IntRange(min = 0, max = 13) int span,
                                                         @ForAll @IntRange(min = 1990, max = 2030) int birthYear,
                                                         @ForAll @IntRange(min = 1, max = 365) int birthDay,
                                                         @ForAll @IntRange(min = 2000, max = 2040) int schoolYear) {
        GradeLevel lo = GradeLevel.values()[low];
        GradeLevel hi = GradeLevel.values()[Math.min(13, low + span)];
        School school = new School(SchoolId.of("S"), "School", OrganizationId.of("D"), lo, hi, SchoolType.REGULAR);
        GradeLevel g = Importer.gradeByAge(LocalDate.ofYearDay(birthYear, birthDay), SchoolYear.of(schoolYear), school);
        assertThat(school.offers(g)).isTrue();
    }

    @Property
    void aChildOfSixOnSeptemberFirstIsInFirstGradeWhenTheSchoolOffersIt(@ForAll @IntRange(min = 2000, max = 2040) int schoolYear) {
        School school = new School(SchoolId.of("S"), "School", OrganizationId.of("D"), GradeLevel.PK, GradeLevel.G12, SchoolType.REGULAR);
        LocalDate birth = LocalDate.of(schoolYear - 1 - 6, 9, 1);
        assertThat(Importer.gradeByAge(birth, SchoolYear.of(schoolYear), school)).isEqualTo(GradeLevel.G01);
        assertThat(Importer.gradeByAge(birth.plusDays(1), SchoolYear.of(schoolYear), school)).isEqualTo(GradeLevel.KG);
    }
}
