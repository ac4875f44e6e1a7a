package org.communityschools.privacy.view.internal;

import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.json.JsonGeneratorBase;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * The compact text of one record row composed in a buffer of the thread, to be written by one call to the generator
 * ({@code writeRawValue}) instead of a call per name and per value: most rows of a view are attendance records of
 * five cells. Only for rows whose names and string values are plain (printable ASCII other than {@code "},
 * {@code \} and {@code /}: text the generator copies as it is) and whose other values are encoded strings (their
 * escaped characters copied, as the generator copies their escaped bytes) or day shares, so that the bytes are the
 * ones it writes cell by cell. Any other row ({@link #compose} answers -1) is written cell by
 * cell. Not thread-safe: one instance per thread.
 */
final class RowText {
    /** The thread's buffer: a view writes its rows on the thread that builds it. */
    static final ThreadLocal<RowText> SCRATCH = ThreadLocal.withInitial(RowText::new);

    private char[] b = new char[256];
    private int n;

    /**
     * Whether {@code g} writes a plain row's cells as their compact text: a JSON generator without a pretty printer,
     * character escapes of its own or unquoted names.
     *
     * @param g the generator
     * @return true when a composed row may be written raw
     */
    static boolean fits(JsonGenerator g) {
        if (g.getPrettyPrinter() != null || !(g instanceof JsonGeneratorBase json)) {
            return false;
        }
        int highest = json.getHighestNonEscapedChar();
        return json.getCharacterEscapes() == null && (highest == 0 || highest >= '~')
                && json.isEnabled(JsonWriteFeature.QUOTE_PROPERTY_NAMES);
    }

    /** {@return the buffer holding the last row composed} */
    char[] chars() {
        return b;
    }

    /**
     * Composes the row of {@code cells} from index {@code from} to {@code end} (name, value, name, value...) as
     * {@code {"name":value,...}}.
     *
     * @return the number of characters, or -1 when a name or value is not plain
     */
    int compose(List<Object> cells, int from, int end) {
        n = 0;
        one('{');
        for (int i = from; i < end; i += 2) {
            if (i > from) {
                one(',');
            }
            if (!quoted((String) cells.get(i))) {
                return -1;
            }
            one(':');
            Object v = cells.get(i + 1);
            if (v instanceof SerializableString text) {
                // its quoted text, kept by the encoded value (a date, an enum's name: plain ASCII)
                copy(text, true);
            } else if (v instanceof String text) {
                if (!quoted(text)) {
                    return -1;
                }
            } else if (v instanceof EncodedValues.Share share) {
                // the decimal's text, a number (as the cell-by-cell writing puts it raw)
                copy(share.text(), false);
            } else {
                return -1; // a BigDecimal, a null or a tree: the generator's own writing
            }
        }
        one('}');
        return n;
    }

    /**
     * Appends the quoted (or unquoted) characters of {@code text}, as the generator's copy of its quoted bytes writes
     * them (the same escapes; the generator encodes the characters as UTF-8).
     */
    private void copy(SerializableString text, boolean quotes) {
        if (quotes) {
            one('"');
        }
        // appendQuoted gives the escaped characters without the quotes; -1 when they do not fit
        int k = quotes ? text.appendQuoted(b, n) : text.appendUnquoted(b, n);
        if (k < 0) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, n + 6 * text.charLength() + 8));
            k = quotes ? text.appendQuoted(b, n) : text.appendUnquoted(b, n);
        }
        n += k;
        if (quotes) {
            one('"');
        }
    }

    private boolean quoted(String s) {
        one('"');
        if (!plain(s)) {
            return false;
        }
        one('"');
        return true;
    }

    private boolean plain(String s) {
        int len = s.length();
        if (n + len > b.length) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, n + len + 16));
        }
        char[] buf = b;
        int at = n;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c > '~' || c == '"' || c == '\\' || c == '/') {
                return false;
            }
            buf[at++] = c;
        }
        n = at;
        return true;
    }

    private void one(char c) {
        if (n == b.length) {
            b = Arrays.copyOf(b, b.length * 2);
        }
        b[n++] = c;
    }
}
