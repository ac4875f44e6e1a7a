package org.communityschools.privacy.view.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.communityschools.core.model.DayShare;
import org.communityschools.privacy.internal.IsoText;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * The values that fill most cells of a view's record rows (an attendance day's date, category and duration), made and
 * encoded once for every view: a date's text ({@link LocalDate#toString()}), an enum constant's name
 * ({@link Enum#name()}) and a day share's decimal ({@link DayShare#toBigDecimal()}), each with its JSON encoding kept
 * by Jackson's {@link SerializedString}, so that the generator copies bytes instead of formatting and encoding the
 * same text for each row. The texts are those of the methods named; the generator writes the same bytes from them as
 * from the plain values (JSON's standard escaping, UTF-8). Immutable values, filled in benign races (threads that race
 * store equal values); thread-safe.
 */
final class EncodedValues {
    /** The first and last year whose dates are kept (a district's records; other dates are made for each row). */
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2199;

    /** The dates met so far, by year (from {@link #FIRST_YEAR}) and day of the year. */
    private static final SerializedString[][] DATES = new SerializedString[LAST_YEAR - FIRST_YEAR + 1][];

    /** The day shares met so far, by ten-thousandths. */
    private static final Share[] SHARES = new Share[DayShare.SCALE + 1];

    /** The names of each enum type's constants, by ordinal. */
    private static final ClassValue<SerializedString[]> NAMES = new ClassValue<>() {
        @Override
        protected SerializedString[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            SerializedString[] out = new SerializedString[constants.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = new SerializedString(((Enum<?>) constants[i]).name());
            }
            return out;
        }
    };

    private EncodedValues() {}

    /**
     * A day share as a decimal and as the text the generator writes for it: a number, {@code decimal.toString()}.
     *
     * @param decimal {@link DayShare#toBigDecimal()}
     * @param text its text, written raw (unquoted) as the generator writes a {@link BigDecimal}
     */
    record Share(BigDecimal decimal, SerializableString text) {}

    /** {@code day.toString()}, encoded. */
    static SerializableString date(LocalDate day) {
        int year = day.getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return new SerializedString(day.toString());
        }
        SerializedString[] days = DATES[year - FIRST_YEAR];
        if (days == null) {
            days = new SerializedString[366];
            DATES[year - FIRST_YEAR] = days;
        }
        int i = day.getDayOfYear() - 1;
        SerializedString known = days[i];
        if (known == null) {
            char[] text = new char[IsoText.DATE_CHARS];
            known = new SerializedString(new String(text, 0, IsoText.date(day, text)));
            days[i] = known;
        }
        return known;
    }

    /** {@code value.name()}, encoded. */
    static SerializableString name(Enum<?> value) {
        return NAMES.get(value.getDeclaringClass())[value.ordinal()];
    }

    /** {@code share.toBigDecimal()} and its text. */
    static Share share(DayShare share) {
        int i = share.tenThousandths();
        Share known = SHARES[i];
        if (known == null) {
            BigDecimal d = share.toBigDecimal();
            known = new Share(d, new SerializedString(d.toString()));
            SHARES[i] = known;
        }
        return known;
    }
}
