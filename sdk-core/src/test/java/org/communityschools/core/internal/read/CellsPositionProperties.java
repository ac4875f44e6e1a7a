package org.communityschools.core.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.data.DataFile;

/**
 * {@link Cells} finds a column by the order its parser asked for columns on the row before (by identity), else by
 * name: whatever the order and repetition of the names asked on each row, including names of no column and names
 * equal but not identical to the header's, each cell read is the cell of that column.
 */
class CellsPositionProperties {
    private static final List<String> COLUMNS = DataFile.COURSE_MARKS.columns();

    @Property(tries = 200)
    void anyOrderOfNamesReadsTheirCells(@ForAll("askings") List<List<String>> rows) {
        int[] positions = new int[COLUMNS.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = positions.length - 1 - i; // the header lists the columns in reverse
        }
        Cells cells = new Cells(DataFile.COURSE_MARKS, positions, new Violations(100), RecordConstraints.NONE);
        long line = 2;
        for (List<String> names : rows) {
            String[] row = new String[COLUMNS.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = "v" + line + "-" + i; // the cell at header position i
            }
            cells.row(row, line);
            for (String name : names) {
                int column = COLUMNS.indexOf(name);
                Optional<String> read = cells.optional(name, t -> t);
                if (column < 0) {
                    assertThat(read).isEmpty();
                } else {
                    assertThat(read).contains("v" + line + "-" + positions[column]);
                    String required = cells.required(name, t -> t);
                    assertThat(required).isEqualTo("v" + line + "-" + positions[column]);
                }
            }
            line++;
        }
    }

    /** Rows of names asked: the header's names (some copied, so equal but not identical) and an unknown one. */
    @Provide
    Arbitrary<List<List<String>>> askings() {
        List<String> names = new ArrayList<>(COLUMNS);
        names.add("no_such_column");
        Arbitrary<String> name = Arbitraries.of(names).flatMap(n -> Arbitraries.of(n, new String(n)));
        return name.list().ofMaxSize(40).list().ofMaxSize(6);
    }
}
