package org.communityschools.metrics;

import java.util.Objects;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.StudentCharacteristicType;

/**
 * A reporting subgroup (ESEA 1111(c)(2)): a sex, a race/ethnicity, or a student characteristic such as English
 * learner, disability, economically disadvantaged or homeless. Immutable and thread-safe.
 *
 * @param dimension {@code sex}, {@code race_ethnicity} or {@code characteristic}
 * @param value     the code within the dimension, as in the district data directory ({@code FEMALE}, {@code HISPANIC}, {@code ENGLISH_LEARNER})
 */
public record Subgroup(String dimension, String value) implements Comparable<Subgroup> {
    /**
     * Checks that both parts are given.
     *
     * @param dimension {@code sex}, {@code race_ethnicity} or {@code characteristic}
     * @param value the code within the dimension, as in the district data directory ({@code FEMALE}, {@code HISPANIC},
     *     {@code ENGLISH_LEARNER})
     */
    public Subgroup {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(value, "value");
        if (dimension.isBlank() || value.isBlank()) {
            throw new IllegalArgumentException("subgroup dimension and value must not be blank");
        }
    }

    /**
     * {@return the subgroup of a sex}
     *
     * @param sex the sex reported
     */
    public static Subgroup of(Sex sex) {
        return new Subgroup("sex", Objects.requireNonNull(sex, "sex").name());
    }

    /**
     * {@return the subgroup of a race/ethnicity}
     *
     * @param raceEthnicity the race/ethnicity reported
     */
    public static Subgroup of(RaceEthnicity raceEthnicity) {
        return new Subgroup("race_ethnicity", Objects.requireNonNull(raceEthnicity, "raceEthnicity").name());
    }

    /**
     * {@return the subgroup of a student characteristic}
     *
     * @param characteristic the characteristic held
     */
    public static Subgroup of(StudentCharacteristicType characteristic) {
        return new Subgroup("characteristic", Objects.requireNonNull(characteristic, "characteristic").name());
    }

    @Override
    public int compareTo(Subgroup other) {
        int c = dimension.compareTo(other.dimension);
        return c != 0 ? c : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return dimension + "=" + value;
    }
}
