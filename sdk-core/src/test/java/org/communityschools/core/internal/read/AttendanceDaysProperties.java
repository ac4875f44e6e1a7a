package org.communityschools.core.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.internal.io.Values;

/**
 * The attendance reader's dates read from bytes ({@link AttendanceChunk.Days}) are exactly what
 * {@link Values#parseEpochDay} reads from the same text, row after row (the month remembered from the previous row
 * never leaks into the next): valid dates, days past the end of their month (February 29 of common years, April 31),
 * months 00 and 13, day 00, other lengths, separators and non-digits.
 */
class AttendanceDaysProperties {

    @Property(tries = 500)
    void bytesReadAsTheText(@ForAll("rows") List<String> dates) {
        AttendanceChunk.Days days = new AttendanceChunk.Days();
        for (String date : dates) {
            byte[] b = ("x," + date + ",y").getBytes(StandardCharsets.US_ASCII);

            assertThat(days.epochDay(b, 2, b.length - 2)).as(date).isEqualTo(expected(date));
        }
    }

    /** A worked example: 2024-02-29 is day 19,782 (2024-01-01 is 19,723, plus 31 days of January and 28). */
    @Property(tries = 1)
    void leapDay() {
        byte[] b = "2024-02-29".getBytes(StandardCharsets.US_ASCII);

        assertThat(new AttendanceChunk.Days().epochDay(b, 0, b.length)).isEqualTo(19_723 + 31 + 28);
    }

    private static int expected(String date) {
        try {
            return (int) Values.parseEpochDay(date);
        } catch (IllegalArgumentException e) {
            return ByteKeys.ABSENT;
        }
    }

    @Provide
    Arbitrary<List<String>> rows() {
        Arbitrary<String> year = Arbitraries.of("2023", "2024", "1900", "2000", "0000", "9999", "20a4");
        Arbitrary<String> month = Arbitraries.of("00", "01", "02", "04", "09", "12", "13", "1", "x2");
        Arbitrary<String> day = Arbitraries.of("00", "01", "15", "28", "29", "30", "31", "32", "9", "3-");
        Arbitrary<String> sep = Arbitraries.of("-", "-", "-", "/");
        Arbitrary<String> dated = Combinators.combine(year, sep, month, sep, day).as((y, s1, m, s2, d) -> y + s1 + m + s2 + d);
        Arbitrary<String> other = Arbitraries.strings().withChars("0123456789-").ofMaxLength(12);
        return Arbitraries.oneOf(dated, dated, other).list().ofMaxSize(12);
    }
}
