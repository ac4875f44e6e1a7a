package org.communityschools.privacy.policy;

import java.time.LocalDate;
import java.util.Objects;
import org.communityschools.core.model.SchoolYear;

/**
 * How far back in a student's records a {@link Rule}'s grant reaches: the history window of a relationship grant
 * (FERPA 34 CFR 99.31(a)(1)(ii): "reasonable methods" so that a school official sees only the records in which they
 * have a legitimate educational interest). A window never reaches past the date of the decision: records dated after
 * it are never in scope. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@link Kind#RELATIONSHIP}: only records dated while the relationship that matched held: the roster or caseload
 *       period, the requester's assignment at the school together with the student's enrollment there, the
 *       consecutive school years of the partnership with the student's enrollment, the consent from its signature.
 *       The default, and the narrowest.</li>
 *   <li>{@link Kind#SCHOOL_YEARS}: the current school year (July 1 to June 30) and {@link #priorSchoolYears()} before
 *       it, at the relationship's schools.</li>
 *   <li>{@link Kind#WHOLE_RECORD}: every record at the relationship's schools, however old.</li>
 * </ul>
 *
 * @param kind             the kind of window
 * @param priorSchoolYears for {@link Kind#SCHOOL_YEARS}, how many school years before the current one (0 to 20);
 *                         otherwise 0
 */
public record HistoryWindow(Kind kind, int priorSchoolYears) {
    /** The first day of a window that reaches back over the whole record. */
    static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

    /** The kinds of window. */
    public enum Kind {
        /** Records dated while the matched relationship held. */
        RELATIONSHIP,
        /** The current school year and a number of prior ones. */
        SCHOOL_YEARS,
        /** The whole record. */
        WHOLE_RECORD
    }

    /**
     * Checks the number of prior years.
     *
     * @param kind the kind of window
     * @param priorSchoolYears for {@link Kind#SCHOOL_YEARS}, how many school years before the current one (0 to 20);
     *     otherwise 0
     */
    public HistoryWindow {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SCHOOL_YEARS ? priorSchoolYears < 0 || priorSchoolYears > 20 : priorSchoolYears != 0) {
            throw new IllegalArgumentException(kind == Kind.SCHOOL_YEARS
                    ? "priorSchoolYears is 0 to 20, was " + priorSchoolYears
                    : "priorSchoolYears is given only with window SCHOOL_YEARS, was " + priorSchoolYears);
        }
    }

    /** {@return the relationship's own period: the default} */
    public static HistoryWindow relationship() {
        return new HistoryWindow(Kind.RELATIONSHIP, 0);
    }

    /**
     * {@return the current school year and {@code prior} school years before it}
     *
     * @param prior the number of prior school years, 0 or more
     */
    public static HistoryWindow schoolYears(int prior) {
        return new HistoryWindow(Kind.SCHOOL_YEARS, prior);
    }

    /** {@return the whole record} */
    public static HistoryWindow wholeRecord() {
        return new HistoryWindow(Kind.WHOLE_RECORD, 0);
    }

    /**
     * The first day of this window for a decision on {@code date}, when it does not depend on the relationship:
     * empty for {@link Kind#RELATIONSHIP}.
     */
    java.util.Optional<LocalDate> fixedStart(LocalDate date) {
        return switch (kind) {
            case RELATIONSHIP -> java.util.Optional.empty();
            case SCHOOL_YEARS -> java.util.Optional.of(SchoolYear.containing(date).plusYears(-priorSchoolYears).firstDay());
            case WHOLE_RECORD -> java.util.Optional.of(BEGINNING);
        };
    }

    /**
     * In words: "the relationship's period", "the current school year and 1 prior", "the whole record".
     *
     * @return the window, in words
     */
    public String describe() {
        return switch (kind) {
            case RELATIONSHIP -> "the relationship's period";
            case SCHOOL_YEARS -> priorSchoolYears == 0 ? "the current school year"
                    : "the current school year and " + priorSchoolYears + " prior";
            case WHOLE_RECORD -> "the whole record";
        };
    }
}
