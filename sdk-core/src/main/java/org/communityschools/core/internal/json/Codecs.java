package org.communityschools.core.internal.json;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.communityschools.core.internal.io.Values;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolYear;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;

/**
 * The codecs of the value formats of the district data directory, as JSON: ids and codes as strings, ISO dates as
 * strings, school years as their ending year number, grade codes ({@code "09"}), exact decimals as JSON numbers,
 * sets as arrays sorted for deterministic output. Every parse goes through {@link Values} or the value type's own
 * {@code parse}, the one place for value formats.
 */
public final class Codecs {
    private Codecs() {}

    /** Rule code of a value that cannot be read as its type. */
    public static final String FORMAT = "field.format";

    /** A parse that throws {@link IllegalArgumentException} stating the rule. */
    @FunctionalInterface
    interface Parse<V> {
        V parse(JsonParser p);
    }

    /** Writes a value. */
    @FunctionalInterface
    interface Write<V> {
        void write(V value, JsonGenerator g);
    }

    /** A scalar codec: checks the token kind, then parses; a wrong kind or a rejected value is one report. */
    static <V> Codec<V> scalar(String expected, Set<JsonToken> tokens, Parse<V> parse, Write<V> write) {
        return new Codec<>() {
            @Override
            public @Nullable V read(JsonParser p, Reporter reporter) {
                JsonToken t = p.currentToken();
                if (t == null || !tokens.contains(t)) {
                    reporter.error(FORMAT, p.currentTokenLocation(), text(p), "must be " + expected + ", was " + describe(t));
                    skipValue(p);
                    return null;
                }
                try {
                    return parse.parse(p);
                } catch (IllegalArgumentException | InputCoercionException e) {
                    String m = e instanceof InputCoercionException ? "must be " + expected : e.getMessage();
                    reporter.error(FORMAT, p.currentTokenLocation(), text(p), m);
                    return null;
                }
            }

            @Override
            public void write(V value, JsonGenerator g) {
                write.write(value, g);
            }
        };
    }

    private static String describe(@Nullable JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    private static final Set<JsonToken> STRING_TOKENS = Set.of(JsonToken.VALUE_STRING);
    private static final Set<JsonToken> NUMBER_TOKENS = Set.of(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT);

    /** A JSON string, unchanged (non-blank and length rules belong to the record). */
    public static final Codec<String> STRING = scalar("a string", STRING_TOKENS, JsonParser::getString,
            (v, g) -> g.writeString(v));

    /** An ISO date {@code yyyy-MM-dd}, as a string. */
    public static final Codec<LocalDate> DATE = scalar("a date written yyyy-MM-dd", STRING_TOKENS,
            p -> Values.parseDate(p.getString()), (v, g) -> g.writeString(Values.formatDate(v)));

    /** {@code true} or {@code false}. */
    public static final Codec<Boolean> BOOLEAN = scalar("true or false", Set.of(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE),
            p -> p.currentToken() == JsonToken.VALUE_TRUE, (v, g) -> g.writeBoolean(v));

    /** A whole number. */
    public static final Codec<Integer> INT = scalar("a whole number", Set.of(JsonToken.VALUE_NUMBER_INT),
            JsonParser::getIntValue, (v, g) -> g.writeNumber(v));

    /** An exact decimal, as a JSON number written in plain notation without trailing zeros. */
    public static final Codec<BigDecimal> DECIMAL = scalar("a number", NUMBER_TOKENS,
            JsonParser::getDecimalValue, (v, g) -> g.writeNumber(Values.formatDecimal(v)));

    /** A school year: its ending year as a number ({@code 2018}); {@code "2018"}, {@code "2017-18"} and {@code "2017-2018"} are accepted. */
    public static final Codec<SchoolYear> SCHOOL_YEAR = scalar("a school year such as 2018 or \"2017-18\"",
            Set.of(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_STRING),
            p -> p.currentToken() == JsonToken.VALUE_STRING ? Values.parseSchoolYear(p.getString()) : SchoolYear.of(p.getIntValue()),
            (v, g) -> g.writeNumber(v.endYear()));

    /** A grade code: {@code "PK"}, {@code "KG"}, {@code "01"} … {@code "12"}. */
    public static final Codec<GradeLevel> GRADE = scalar("a grade code PK, KG or 01-12", STRING_TOKENS,
            p -> Values.parseGrade(p.getString()), (v, g) -> g.writeString(v.code()));

    /** A share of a day, as a JSON number from 0 to 1 with at most four decimals ({@code 0.5}). */
    public static final Codec<DayShare> DAY_SHARE = scalar("a number from 0 to 1", NUMBER_TOKENS,
            p -> DayShare.of(p.getDecimalValue()), (v, g) -> g.writeNumber(v.toString()));

    /** An upper-case code of {@code type}. */
    public static <E extends Enum<E>> Codec<E> code(Class<E> type) {
        return scalar("one of " + Values.codes(type), STRING_TOKENS, p -> Values.parseEnum(type, p.getString()),
                (v, g) -> g.writeString(v.name()));
    }

    /** An identifier (or other string-valued type) made by {@code factory}, which states its rule when it rejects. */
    public static <V> Codec<V> string(String expected, Function<String, V> factory, Function<V, String> format) {
        return scalar(expected, STRING_TOKENS, p -> factory.apply(p.getString()), (v, g) -> g.writeString(format.apply(v)));
    }

    /** An array of distinct values, written in {@code order} so that output is deterministic. */
    public static <V> Codec<Set<V>> setOf(Codec<V> element, Comparator<? super V> order) {
        Codec<List<V>> list = listOf(element);
        return new Codec<>() {
            @Override
            public @Nullable Set<V> read(JsonParser p, Reporter reporter) {
                var start = p.currentTokenLocation();
                List<V> values = list.read(p, reporter);
                if (values == null) {
                    return null;
                }
                Set<V> set = new LinkedHashSet<>(values);
                if (set.size() != values.size()) {
                    reporter.error(FORMAT, start, Optional.empty(), "must not repeat a value");
                    return null;
                }
                return set;
            }

            @Override
            public void write(Set<V> value, JsonGenerator g) {
                List<V> sorted = new ArrayList<>(value);
                sorted.sort(order);
                list.write(sorted, g);
            }
        };
    }

    /** An array of values, in order. Every bad element is reported. */
    public static <V> Codec<List<V>> listOf(Codec<V> element) {
        return new Codec<>() {
            @Override
            public @Nullable List<V> read(JsonParser p, Reporter reporter) {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    reporter.error(FORMAT, p.currentTokenLocation(), text(p), "must be an array, was " + describe(p.currentToken()));
                    skipValue(p);
                    return null;
                }
                List<V> values = new ArrayList<>();
                boolean ok = true;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
                    if (t == JsonToken.VALUE_NULL) {
                        reporter.error(FORMAT, p.currentTokenLocation(), Optional.empty(), "must not contain null");
                        ok = false;
                        continue;
                    }
                    V v = element.read(p, reporter);
                    if (v == null) {
                        ok = false;
                    } else {
                        values.add(v);
                    }
                }
                return ok ? values : null;
            }

            @Override
            public void write(List<V> value, JsonGenerator g) {
                g.writeStartArray();
                for (V v : value) {
                    element.write(v, g);
                }
                g.writeEndArray();
            }
        };
    }
}
