package org.communityschools.core.internal.read;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import org.communityschools.core.data.DataFile;
import org.jspecify.annotations.Nullable;

/**
 * The cells of the current row of one file, read by column name, with the field rules: a required cell must not be
 * empty ({@code field.required}), a cell must parse ({@code field.format}), the record's constructor must accept the
 * values ({@code field.invalid}) and the record must satisfy its Jakarta Validation constraints
 * ({@code field.constraint}). Each broken rule is reported with the row's line and the cell's 1-based column. Reused
 * for every row of a file; not thread-safe.
 */
final class Cells implements Where {
    private final DataFile file;
    private final Violations violations;
    private final RecordConstraints constraints;
    private final Map<String, Integer> position = new HashMap<>();
    /** Parsed values per column and cell text, so that repeated values are parsed once and shared in memory. */
    private final Map<String, @Nullable Map<String, Object>> requiredCache = new HashMap<>();
    private final Map<String, @Nullable Map<String, Optional<?>>> optionalCache = new HashMap<>();
    /** Beyond this many distinct values a column (an id, a free text) is no longer cached. */
    private static final int CACHE_LIMIT = 1 << 16;
    private String[] cells = new String[0];
    private long line;
    private boolean failed;

    Cells(DataFile file, int[] positions, Violations violations, RecordConstraints constraints) {
        this.file = file;
        this.violations = violations;
        this.constraints = constraints;
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] >= 0) {
                position.put(file.columns().get(i), positions[i]);
            }
        }
    }

    /** What the row checks of {@link #shape} found. */
    enum Shape {
        /** An empty line: skipped and not counted. */
        BLANK,
        /** Another number of cells than the header: reported ({@code row.cell-count}), counted and rejected. */
        WRONG_WIDTH,
        /** As many cells as the header. */
        FITS
    }

    /**
     * The shape of a row of {@code size} cells under a header of {@code width} columns, shared by every reader; a row
     * of another width is reported here ({@code row.cell-count}).
     */
    static Shape shape(DataFile file, Violations violations, String[] c, int size, int width, long line) {
        if ((size == 0 || (size == 1 && c[0].isEmpty())) && width > 1) {
            return Shape.BLANK;
        }
        if (size != width) {
            violations.error(file, line, 0, null, null, "row.cell-count",
                    "every row must have as many cells as the header (" + width + "); this one has " + size);
            return Shape.WRONG_WIDTH;
        }
        return Shape.FITS;
    }

    /**
     * Whether the current row is free of control characters: {@code at} is the 1-based column of the first cell
     * holding a control character other than tab, 0 for none; such a cell is reported ({@code field.control-character})
     * by the header's {@code names}.
     */
    boolean controlFree(int at, String[] names) {
        if (at == 0) {
            return true;
        }
        String name = at <= names.length ? names[at - 1] : null;
        failAt(at, name, "field.control-character", (name == null ? "a cell" : name)
                + " must not contain a control character other than tab (such as NUL)");
        return false;
    }

    /** Moves to a new row. */
    void row(String[] cells, long line) {
        this.cells = cells;
        this.line = line;
        this.failed = false;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public int column(String name) {
        Integer p = position.get(name);
        return p == null ? 0 : p + 1;
    }

    /** Marks the row as rejected by a rule reported elsewhere. */
    void markFailed() {
        failed = true;
    }

    /** Whether a field rule failed on this row. */
    boolean failed() {
        return failed;
    }

    /** The cell's text, or null when the column is absent or the cell empty. */
    @Nullable String text(String name) {
        Integer p = position.get(name);
        if (p == null) {
            return null;
        }
        String s = cells[p];
        return s.isEmpty() ? null : s;
    }

    /** Rejects the row for a rule broken at the 1-based {@code column} (of any header cell, known or not). */
    void failAt(int column, @Nullable String name, String rule, String message) {
        failed = true;
        violations.error(file, line, column, name, null, rule, message);
    }

    void fail(@Nullable String name, @Nullable String value, String rule, String message) {
        failed = true;
        violations.error(file, line, name == null ? 0 : column(name), name, value, rule, message);
    }

    /** The parsed value of a required cell, or null after reporting {@code field.required} or {@code field.format}. */
    @SuppressWarnings("unchecked")
    <T> @Nullable T required(String name, Function<String, T> parser) {
        String s = text(name);
        if (s == null) {
            fail(name, null, "field.required", name + " is required and must not be empty");
            return null;
        }
        Map<String, Object> cache = requiredCache.computeIfAbsent(name, n -> new HashMap<>());
        if (cache == null) {
            return parse(name, s, parser);
        }
        Object known = cache.get(s);
        if (known != null) {
            return (T) known;
        }
        T value = parse(name, s, parser);
        if (value != null) {
            if (cache.size() >= CACHE_LIMIT) {
                requiredCache.put(name, null);
            } else {
                cache.put(s, value);
            }
        }
        return value;
    }

    /** The parsed value of an optional cell; empty when absent or after reporting {@code field.format}. */
    @SuppressWarnings("unchecked")
    <T> Optional<T> optional(String name, Function<String, T> parser) {
        String s = text(name);
        if (s == null) {
            return Optional.empty();
        }
        Map<String, Optional<?>> cache = optionalCache.computeIfAbsent(name, n -> new HashMap<>());
        if (cache == null) {
            return Optional.ofNullable(parse(name, s, parser));
        }
        Optional<?> known = cache.get(s);
        if (known != null) {
            return (Optional<T>) known;
        }
        Optional<T> value = Optional.ofNullable(parse(name, s, parser));
        if (value.isPresent()) {
            if (cache.size() >= CACHE_LIMIT) {
                optionalCache.put(name, null);
            } else {
                cache.put(s, value);
            }
        }
        return value;
    }

    private <T> @Nullable T parse(String name, String s, Function<String, T> parser) {
        try {
            return parser.apply(s);
        } catch (IllegalArgumentException e) {
            fail(name, s, "field.format", message(name, e));
            return null;
        }
    }

    /** The exception's message, prefixed with the column name unless it already starts with it. */
    private String message(String name, RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        if (file.isPersonal(name)) {
            m = m.replaceAll("'.*'", "'" + Violations.REDACTED + "'");
        }
        return m.startsWith(name) ? m : name + " " + m;
    }

    /**
     * Builds the record when every cell parsed, checks its constructor's rules and Jakarta Validation constraints,
     * and hands it to {@code add} (the cross-record rules). Returns whether the row was accepted.
     */
    <R> boolean accept(Supplier<R> make, BiPredicate<R, Where> add) {
        if (failed) {
            return false;
        }
        R record;
        try {
            record = make.get();
        } catch (IllegalArgumentException e) {
            String column = columnNamed(String.valueOf(e.getMessage()));
            fail(column, column == null ? null : text(column), "field.invalid",
                    column == null ? String.valueOf(e.getMessage()) : message(column, e));
            return false;
        }
        Set<ConstraintViolation<R>> found = constraints.validate(record);
        if (!found.isEmpty()) {
            for (ConstraintViolation<R> v : found) {
                String column = columnOf(v.getPropertyPath());
                String value = column == null ? null : text(column);
                fail(column, value, "field.constraint",
                        (column == null ? v.getPropertyPath().toString() : column) + " " + v.getMessage());
            }
            return false;
        }
        return add.test(record, this);
    }

    /** The column a constraint's property path points to: its first node's ({@link RecordChecks#columnOf}). */
    private @Nullable String columnOf(Path path) {
        Iterator<Path.Node> nodes = path.iterator();
        String name = nodes.hasNext() ? nodes.next().getName() : null;
        return name == null ? null : RecordChecks.columnOf(file, name);
    }

    /** The file's column named earliest in a constructor's message ("end" means the end date), or null. */
    private @Nullable String columnNamed(String message) {
        String best = null;
        int at = Integer.MAX_VALUE;
        for (String c : file.columns()) {
            int i = message.indexOf(c);
            if (i >= 0 && (i < at || (i == at && best != null && c.length() > best.length()))) {
                best = c;
                at = i;
            }
        }
        if (best == null && message.startsWith("end ") && file.columns().contains("end_date")) {
            return "end_date";
        }
        return best;
    }
}
