package org.communityschools.core.internal.read;

/** Where a record came from: its line and the 1-based position of each of its columns (0 when unknown). */
public interface Where {
    /** The 1-based line, or 0 for a record added in code. */
    long line();

    /** The 1-based column of {@code name} in the file's header, or 0. */
    int column(String name);

    /** A record added in code: line 0, column 0. */
    Where IN_CODE = at(0);

    /** A record at {@code line} whose columns are unknown (0). */
    static Where at(long line) {
        return new Where() {
            @Override
            public long line() {
                return line;
            }

            @Override
            public int column(String name) {
                return 0;
            }
        };
    }
}
