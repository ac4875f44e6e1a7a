package org.communityschools.core.data;

import java.util.Objects;

/**
 * The SDK's one rule for the CSV cells it writes for people to open in a spreadsheet: a cell a spreadsheet would run
 * as a formula is written as text (OWASP, "CSV Injection"). Every such CSV the SDK writes follows it: published
 * tables ({@code PublicationWriter}, {@code publish}), metric results ({@code metrics}), research extracts and the
 * pseudonym crosswalk, and every CSV the command line prints. The district data directory is the exception: it is
 * the SDK's exchange format, read back by {@link DistrictDataReader} and by other systems, so {@link
 * DistrictDataWriter} writes every value exactly as it is (writing then reading gives back equal data); open such
 * files in a spreadsheet only through its text import.
 *
 * <p>The rule ({@link #neutralize}): a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or
 * carriage return (the characters with which a spreadsheet starts a formula, OWASP's list), or with {@code '}, gets a
 * single quote {@code '} in front, which a spreadsheet reads as "this cell is text". A cell that is a plain decimal
 * number ({@code -3}, {@code +12}, {@code -0.25}: an optional sign, digits, optionally a point and digits) is left as
 * it is, so that numbers stay numbers; a spreadsheet reads it as a number, never as a formula. Quoting a cell that
 * already starts with {@code '} makes the rule reversible: {@link #restore} drops one leading {@code '} and gives
 * back the value, for a program (such as a district re-linking a crosswalk) that reads the file back.
 *
 * <p>Quoting for RFC 4180 (commas, double quotes, line breaks) is a separate, later step of the writer. Stateless
 * and thread-safe.
 */
public final class CsvCells {
    private CsvCells() {
    }

    /**
     * Whether a spreadsheet opening a CSV holding {@code cell} as it is would run it as a formula: it starts with
     * {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return and is not a plain decimal number.
     *
     * @param cell the text of a cell
     * @return true when a spreadsheet would run it as a formula
     */
    public static boolean runsAsFormula(String cell) {
        Objects.requireNonNull(cell, "cell");
        return !cell.isEmpty() && isTrigger(cell.charAt(0)) && !isPlainNumber(cell);
    }

    /**
     * The cell as the SDK writes it in a CSV for people: {@code '} in front of a cell that {@linkplain #runsAsFormula
     * runs as a formula} or starts with {@code '}; any other cell unchanged (the same instance).
     *
     * @param cell the text of a cell
     * @return the cell to write
     */
    public static String neutralize(String cell) {
        Objects.requireNonNull(cell, "cell");
        if (runsAsFormula(cell) || !cell.isEmpty() && cell.charAt(0) == '\'') {
            return "'" + cell;
        }
        return cell;
    }

    /**
     * {@return the inverse of {@link #neutralize}: drops one leading {@code '}; {@code restore(neutralize(v))} is
     * {@code v}}
     *
     * @param written a cell as the SDK wrote it
     */
    public static String restore(String written) {
        Objects.requireNonNull(written, "written");
        return !written.isEmpty() && written.charAt(0) == '\'' ? written.substring(1) : written;
    }

    private static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** An optional sign, one or more digits, optionally a point and one or more digits. */
    private static boolean isPlainNumber(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        int digits = 0;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i) != '.' || i + 1 == s.length()) {
            return false;
        }
        for (i++; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
