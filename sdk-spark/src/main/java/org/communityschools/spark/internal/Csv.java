package org.communityschools.spark.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits one line of an RFC 4180 CSV file into cells (quoted cells with doubled quotes; a cell holding a line break
 * cannot be split line by line, and is reported as {@code file.malformed} by the caller). Stateless, thread-safe.
 */
public final class Csv {
    private Csv() {}

    /** The cells of {@code line}, or null when a quote is not closed on the line. */
    public static String @Nullable [] split(String line) {
        List<String> cells = new ArrayList<>(8);
        StringBuilder b = new StringBuilder();
        int i = 0;
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\r') {
            n--;
        }
        while (true) {
            b.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            b.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        b.append(c);
                    }
                }
                if (!closed) {
                    return null;
                }
                while (i < n && line.charAt(i) != ',') {
                    b.append(line.charAt(i++));
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    b.append(line.charAt(i++));
                }
            }
            cells.add(b.toString());
            if (i >= n) {
                break;
            }
            i++; // the comma
            if (i == n) {
                cells.add("");
                break;
            }
        }
        return cells.toArray(new String[0]);
    }
}
