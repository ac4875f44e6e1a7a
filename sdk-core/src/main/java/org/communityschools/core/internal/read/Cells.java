package org.communityschools.core.internal.read;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.index.TextCache;
import org.jspecify.annotations.Nullable;

/**
 * The cells of the current row of one file, read by column name, with the field rules: a required cell must not be
 * empty ({@code field.required}), a cell must parse ({@code field.format}), the record's constructor must accept the
 * values ({@code field.invalid}) and the record must satisfy its Jakarta Validation constraints
 * ({@code field.constraint}). Each broken rule is reported with the row's line and the cell's 1-based column. A row is
 * either its cells as strings ({@link CsvRows}, a change) or a {@link PlainRows plain} row of a byte range, whose cells
 * become strings only when read as text: a repeated value is found in its column's cache by the cell's bytes, and an
 * identifier by {@link #requiredId}. Reused for every row of a file; not thread-safe.
 */
final class Cells implements Where {
    private final DataFile file;
    private final Violations violations;
    private final RecordConstraints constraints;
    private final Map<String, Integer> position = new HashMap<>();
    /**
     * Parsed values per column (by header position) and cell text, so that repeated values are parsed once and shared
     * in memory; a column's cache stops growing at {@link #CACHE_LIMIT} distinct values (an id, a free text), and is
     * then no longer consulted.
     */
    private final TextCache[] requiredCache;
    private final TextCache[] optionalCache;
    private static final int CACHE_LIMIT = 1 << 16;
    /**
     * The column names a file's parser asked for on this row, in order, and their positions: the parser asks for the
     * same names (string constants) in the same order on every row, so a name is found by identity at the row's
     * cursor ({@link #positionOf}) before the map is consulted.
     */
    private final String[] askedNames = new String[32];
    private final @Nullable Integer[] askedPositions = new Integer[32];
    private int asked;
    private String[] cells = new String[0];
    private @Nullable PlainRows plain;
    private long line;
    private boolean failed;

    /** Finds the canonical value of an identifier by the ASCII bytes of its cell, or null when unknown. */
    interface AsciiLookup<T> {
        /** The value whose text is {@code bytes[from, to)}, or null. */
        @Nullable T find(byte[] bytes, int from, int to);
    }

    Cells(DataFile file, int[] positions, Violations violations, RecordConstraints constraints) {
        this.file = file;
        this.violations = violations;
        this.constraints = constraints;
        int width = 0;
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] >= 0) {
                position.put(file.columns().get(i), positions[i]);
                width = Math.max(width, positions[i] + 1);
            }
        }
        this.requiredCache = new TextCache[width];
        this.optionalCache = new TextCache[width];
    }

    /** The constraints the records of this file's rows are checked against ({@link #accept}). */
    RecordConstraints constraints() {
        return constraints;
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

    /** Moves to a new row of cells. */
    void row(String[] cells, long line) {
        this.cells = cells;
        this.plain = null;
        this.line = line;
        this.failed = false;
        this.asked = 0;
    }

    /** Moves to the current row of {@code rows}, which has as many cells as the header. */
    void row(PlainRows rows, long line) {
        this.plain = rows;
        this.line = line;
        this.failed = false;
        this.asked = 0;
    }

    /** The position of column {@code name}, or null when absent: as the map says, found first at the row's cursor. */
    private @Nullable Integer positionOf(String name) {
        int i = asked;
        if (i == askedNames.length) {
            return position.get(name);
        }
        asked = i + 1;
        if (askedNames[i] == name) {
            return askedPositions[i];
        }
        Integer p = position.get(name);
        askedNames[i] = name;
        askedPositions[i] = p;
        return p;
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
        return p == null ? null : textAt(p);
    }

    private @Nullable String textAt(int p) {
        PlainRows r = plain;
        if (r != null) {
            int from = r.start(p);
            int to = r.end(p);
            return from == to ? null : new String(r.bytes(), from, to - from, StandardCharsets.US_ASCII);
        }
        String s = cells[p];
        return s.isEmpty() ? null : s;
    }

    private boolean empty(int p) {
        PlainRows r = plain;
        return r != null ? r.start(p) == r.end(p) : cells[p].isEmpty();
    }

    /** The cached value of the cell at {@code p}, or null. */
    private @Nullable Object cached(@Nullable TextCache cache, int p) {
        if (cache == null || cache.full()) {
            return null;
        }
        PlainRows r = plain;
        return r != null ? cache.get(r.bytes(), r.start(p), r.end(p)) : cache.get(cells[p]);
    }

    private static TextCache cache(TextCache[] caches, int p) {
        TextCache c = caches[p];
        if (c == null) {
            c = new TextCache(CACHE_LIMIT);
            caches[p] = c;
        }
        return c;
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
        Integer p = positionOf(name);
        if (p == null || empty(p)) {
            fail(name, null, "field.required", name + " is required and must not be empty");
            return null;
        }
        TextCache cache = cache(requiredCache, p);
        Object known = cached(cache, p);
        if (known != null) {
            return (T) known;
        }
        String s = textAt(p);
        T value = parse(name, s, parser);
        if (value != null) {
            cache.put(s, value);
        }
        return value;
    }

    /**
     * The parsed value of a required identifier cell: on a plain row, the value {@code lookup} finds by the cell's
     * bytes (the canonical identifier of an earlier file), without making a string of the cell; otherwise, and when
     * the lookup finds nothing, as {@link #required} with {@code parser}, which must give the same value as
     * {@code lookup} for a known identifier.
     */
    <T> @Nullable T requiredId(String name, AsciiLookup<T> lookup, Function<String, T> parser) {
        PlainRows r = plain;
        Integer p = positionOf(name);
        if (r != null && p != null && r.start(p) < r.end(p)) {
            T known = lookup.find(r.bytes(), r.start(p), r.end(p));
            if (known != null) {
                return known;
            }
        }
        return required(name, parser);
    }

    /** The parsed value of an optional cell; empty when absent or after reporting {@code field.format}. */
    @SuppressWarnings("unchecked")
    <T> Optional<T> optional(String name, Function<String, T> parser) {
        Integer p = positionOf(name);
        if (p == null || empty(p)) {
            return Optional.empty();
        }
        TextCache cache = cache(optionalCache, p);
        Object known = cached(cache, p);
        if (known != null) {
            return (Optional<T>) known;
        }
        String s = textAt(p);
        Optional<T> value = Optional.ofNullable(parse(name, s, parser));
        if (value.isPresent()) {
            cache.put(s, value);
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

    /**
     * Whether a record of {@code type} made of this row's values would have Jakarta Validation constraints to check in
     * {@link #accept}; when not, a parser may hand the values on without making the record (same result).
     */
    boolean constrains(Class<?> type) {
        return constraints.constrains(type);
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
