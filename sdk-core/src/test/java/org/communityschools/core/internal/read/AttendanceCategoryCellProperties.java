package org.communityschools.core.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.model.AttendanceCategory;

/**
 * The attendance reader finds a row's category by the bytes of its cell ({@link AttendanceChunk#category}) through a
 * slot of the cell's length and first two bytes, comparing one name only: for any cell (every category's name, each
 * with one byte changed, cut or lengthened (by 64 bytes too: the same slot), lower case, empty, and any other text) at any place of a larger buffer,
 * the answer is the category whose name the cell spells exactly, else -1, as comparing the cell with every name.
 */
class AttendanceCategoryCellProperties {

    @Example
    void everyCategoryHasItsOwnSlot() {
        assertThat(AttendanceChunk.categoriesBySlot()).isTrue();
        for (AttendanceCategory c : AttendanceCategory.values()) {
            byte[] b = ("x," + c.name() + ",y").getBytes(StandardCharsets.US_ASCII);
            assertThat(AttendanceChunk.category(b, 2, b.length - 2)).as(c.name()).isEqualTo(c.ordinal());
        }
    }

    @Property(tries = 2000)
    void theSlotFindsWhatComparingEveryNameFinds(@ForAll("cells") String cell) {
        byte[] b = ("PRESENT," + cell + ",TARDY").getBytes(StandardCharsets.US_ASCII);
        int from = "PRESENT,".length();
        int expected = -1;
        for (AttendanceCategory c : AttendanceCategory.values()) {
            if (c.name().equals(cell)) {
                expected = c.ordinal();
            }
        }

        assertThat(AttendanceChunk.category(b, from, from + cell.length())).as(cell).isEqualTo(expected);
    }

    /** Category names, and near misses of them: one byte changed, cut short, lengthened, lower case; and any text. */
    @Provide
    Arbitrary<String> cells() {
        List<String> names = new ArrayList<>();
        for (AttendanceCategory c : AttendanceCategory.values()) {
            names.add(c.name());
        }
        Arbitrary<String> name = Arbitraries.of(names);
        Arbitrary<String> changed = name.flatMap(n -> Arbitraries.integers().between(0, n.length() - 1)
                .flatMap(i -> Arbitraries.chars().range('A', '_').map(ch -> n.substring(0, i) + ch + n.substring(i + 1))));
        Arbitrary<String> cut = name.flatMap(n -> Arbitraries.integers().between(0, n.length() - 1).map(i -> n.substring(0, i)));
        // lengthened by a few bytes, or by 64 (the same slot as the name: only the length tells them apart)
        Arbitrary<String> longer = name.flatMap(n -> Arbitraries.of(1, 2, 3, 64).flatMap(k -> Arbitraries.strings()
                .withCharRange('A', 'Z').ofLength(k).map(t -> n + t)));
        Arbitrary<String> lower = name.map(n -> n.toLowerCase(java.util.Locale.ROOT));
        Arbitrary<String> any = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(26).filter(t -> !t.contains(","));
        return Arbitraries.oneOf(name, changed, cut, longer, lower, any);
    }
}
