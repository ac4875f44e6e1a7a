package org.communityschools.privacy.extract;

import java.util.List;
import java.util.Objects;

/**
 * One CSV file of a research extract: its name, header and rows of formatted values (ISO dates, upper-case codes,
 * grade codes, shares of a day in plain notation, the formats of the district data directory). Immutable.
 *
 * @param name   the file name, such as {@code students.csv}
 * @param header the column names
 * @param rows   the rows, each as long as the header
 */
public record ExtractTable(String name, List<String> header, List<List<String>> rows) {
    /**
     * Copies the lists and checks every row's length.
     *
     * @param name the file name, such as {@code students.csv}
     * @param header the column names
     * @param rows the rows, each as long as the header
     */
    public ExtractTable {
        Objects.requireNonNull(name, "name");
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(name + ": a row has " + row.size() + " values for " + header.size() + " columns");
            }
        }
    }

    /**
     * {@return the values of column {@code column}, in row order}
     *
     * @param column a column name
     */
    public List<String> column(String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(name + " has no column " + column);
        }
        return rows.stream().map(r -> r.get(i)).toList();
    }
}
