package org.communityschools.core.model;

import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.communityschools.core.internal.Checks;

/**
 * A school of a district ({@code schools.csv}). Immutable and thread-safe.
 *
 * @param id         the school's identifier (NYC uses the DBN, such as {@code 01M015})
 * @param name       the school's name
 * @param districtId the district the school belongs to; an {@link Organization} of type DISTRICT
 * @param lowGrade   the lowest grade offered
 * @param highGrade  the highest grade offered, not below {@code lowGrade}
 * @param schoolType the kind of school
 */
public record School(SchoolId id, @Size(max = 200) String name, OrganizationId districtId,
                     GradeLevel lowGrade, GradeLevel highGrade, SchoolType schoolType) {
    /**
     * Checks that nothing is missing and the grade span is ordered.
     *
     * @param id the school's identifier (NYC uses the DBN, such as {@code 01M015})
     * @param name the school's name
     * @param districtId the district the school belongs to; an {@link Organization} of type DISTRICT
     * @param lowGrade the lowest grade offered
     * @param highGrade the highest grade offered, not below {@code lowGrade}
     * @param schoolType the kind of school
     */
    public School {
        Objects.requireNonNull(id, "school_id");
        Checks.text(name, "name");
        Objects.requireNonNull(districtId, "district_id");
        Objects.requireNonNull(lowGrade, "low_grade");
        Objects.requireNonNull(highGrade, "high_grade");
        Objects.requireNonNull(schoolType, "school_type");
        if (highGrade.compareTo(lowGrade) < 0) {
            throw new IllegalArgumentException("high_grade must not be below low_grade: " + lowGrade + " > " + highGrade);
        }
    }

    /**
     * {@return whether the school offers {@code grade}}
     *
     * @param grade a grade level
     */
    public boolean offers(GradeLevel grade) {
        return grade.compareTo(lowGrade) >= 0 && grade.compareTo(highGrade) <= 0;
    }

    /** {@code School[id=…, district=…]}: no personal data. */
    @Override
    public String toString() {
        return "School[id=" + id + ", district=" + districtId + "]";
    }
}
