package org.communityschools.core.model;

import java.util.Objects;

/**
 * A grade level, ordered from pre-kindergarten to grade 12. The district data directory writes it as
 * {@code PK}, {@code KG}, {@code 01} … {@code 12} ({@link #code()}); {@link #parse(String)} also accepts
 * {@code 1} … {@code 12} without the leading zero.
 */
public enum GradeLevel {
    /** Pre-kindergarten. */
    PK("PK"),
    /** Kindergarten. */
    KG("KG"),
    /** Grade 1. */
    G01("01"),
    /** Grade 2. */
    G02("02"),
    /** Grade 3. */
    G03("03"),
    /** Grade 4. */
    G04("04"),
    /** Grade 5. */
    G05("05"),
    /** Grade 6. */
    G06("06"),
    /** Grade 7. */
    G07("07"),
    /** Grade 8. */
    G08("08"),
    /** Grade 9. */
    G09("09"),
    /** Grade 10. */
    G10("10"),
    /** Grade 11. */
    G11("11"),
    /** Grade 12. */
    G12("12");

    private final String code;

    GradeLevel(String code) {
        this.code = code;
    }

    /** {@return the code in the district data directory, such as {@code KG} or {@code 09}} */
    public String code() {
        return code;
    }

    /** {@return whether this is a high-school grade (9–12), the grades of a graduation cohort} */
    public boolean isHighSchool() {
        return compareTo(G09) >= 0;
    }

    /**
     * Returns the grade with this code.
     *
     * @param code {@code PK}, {@code KG}, {@code 01} … {@code 12}, or {@code 1} … {@code 12}
     * @return the grade
     * @throws IllegalArgumentException when the code is not PK, KG or 01–12
     */
    public static GradeLevel parse(String code) {
        Objects.requireNonNull(code, "code");
        String c = code.length() == 1 && Character.isDigit(code.charAt(0)) ? "0" + code : code;
        for (GradeLevel g : values()) {
            if (g.code.equals(c)) {
                return g;
            }
        }
        throw new IllegalArgumentException("grade must be PK, KG or 01-12, was '" + code + "'");
    }

    /**
     * Returns the grade with this number.
     *
     * @param grade the grade's number, 1–12
     * @return the grade
     * @throws IllegalArgumentException when the number is not 1–12
     */
    public static GradeLevel ofNumber(int grade) {
        if (grade < 1 || grade > 12) {
            throw new IllegalArgumentException("grade number must be 1-12, was " + grade);
        }
        return values()[grade + 1];
    }

    @Override
    public String toString() {
        return code;
    }
}
