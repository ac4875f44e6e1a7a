package org.communityschools.core.internal.index;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.SortedSet;
import java.util.TreeSet;
import org.communityschools.core.model.CourseMark;
import org.communityschools.core.model.CourseResult;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.Subject;
import org.jspecify.annotations.Nullable;

/**
 * The course marks of a loaded directory as columns, read as an unmodifiable {@code List<CourseMark>} whose records
 * are built on demand (equal to the records that were added, in the same order). Four {@code int}s a mark: the
 * student's and the school's dense index in the loaded {@link IdTable}s (whose identifiers never change, also in later
 * versions of the tables), a code of the course (code, title, subject), and a code of the rest of the mark (year, term,
 * marks, result, credits, term end): 16 bytes a mark instead of a 64-byte record (issue 19: the four NYC years held
 * 17M marks). The dictionaries are small in real data (a few thousand courses, a few hundred combinations of the
 * rest); a directory where every mark differs still loads, with dictionaries as large as the marks.
 * Immutable and thread-safe once built.
 */
public final class CourseMarkColumns extends AbstractList<CourseMark> implements RandomAccess {
    /** What a mark's course is; its hash computed once (the loader's dictionary looks each mark's up). */
    private static final class Course {
        private final String code;
        private final String title;
        private final Subject subject;
        private final int hash;

        Course(String code, String title, Subject subject) {
            this.code = code;
            this.title = title;
            this.subject = subject;
            int h = AsciiText.spread(code.hashCode()) + title.hashCode();
            this.hash = AsciiText.spread(AsciiText.spread(h) + subject.ordinal());
        }

        String code() {
            return code;
        }

        String title() {
            return title;
        }

        Subject subject() {
            return subject;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Course c && code.equals(c.code) && title.equals(c.title) && subject == c.subject;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The rest of a mark: few distinct combinations in a district; its hash computed once, as {@link Course}'s. */
    private static final class Rest {
        private final SchoolYear year;
        private final String term;
        private final Optional<BigDecimal> numeric;
        private final Optional<String> letter;
        private final CourseResult result;
        private final BigDecimal attempted;
        private final BigDecimal earned;
        private final Optional<LocalDate> termEnd;
        private final int hash;

        Rest(SchoolYear year, String term, Optional<BigDecimal> numeric, Optional<String> letter, CourseResult result,
             BigDecimal attempted, BigDecimal earned, Optional<LocalDate> termEnd) {
            this.year = year;
            this.term = term;
            this.numeric = numeric;
            this.letter = letter;
            this.result = result;
            this.attempted = attempted;
            this.earned = earned;
            this.termEnd = termEnd;
            // each step spread (AsciiText.spread: a large odd multiplier, high bits folded in), with the result's
            // ordinal (an enum's own hash is its identity, different in every run; with multipliers of 31 some runs put
            // eight rests in one bin, which the map made a tree) and the term end's day
            int h = year.endYear();
            h = AsciiText.spread(h) + term.hashCode();
            h = AsciiText.spread(h) + numeric.hashCode();
            h = AsciiText.spread(h) + letter.hashCode();
            h = AsciiText.spread(h) + result.ordinal();
            h = AsciiText.spread(h) + attempted.hashCode();
            h = AsciiText.spread(h) + earned.hashCode();
            int end = termEnd.isPresent() ? (int) termEnd.get().toEpochDay() : Integer.MIN_VALUE;
            this.hash = AsciiText.spread(AsciiText.spread(h) + end);
        }

        SchoolYear year() {
            return year;
        }

        String term() {
            return term;
        }

        Optional<BigDecimal> numeric() {
            return numeric;
        }

        Optional<String> letter() {
            return letter;
        }

        CourseResult result() {
            return result;
        }

        BigDecimal attempted() {
            return attempted;
        }

        BigDecimal earned() {
            return earned;
        }

        Optional<LocalDate> termEnd() {
            return termEnd;
        }

        // the reader shares equal values, so most comparisons end at ==
        @Override
        public boolean equals(Object o) {
            return o instanceof Rest r && hash == r.hash && result == r.result && same(year, r.year)
                    && same(term, r.term) && same(numeric, r.numeric) && same(letter, r.letter)
                    && same(attempted, r.attempted) && same(earned, r.earned) && same(termEnd, r.termEnd);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        private static boolean same(Object a, Object b) {
            return a == b || a.equals(b);
        }
    }

    /**
     * A mark of a directory's course_marks.csv as the columns keep it, made by the reader straight from a row's cells
     * (no {@link CourseMark} record): the student's and the school's dense index and the mark's values, held as the
     * record would hold them (decimals normalized, {@link org.communityschools.core.internal.CourseMarkRules}).
     * Immutable.
     */
    public static final class Row {
        private final int student;
        private final int school;
        private final Course course;
        private final Rest rest;

        private Row(int student, int school, Course course, Rest rest) {
            this.student = student;
            this.school = school;
            this.course = course;
            this.rest = rest;
        }

        /** The student's dense index. */
        public int student() {
            return student;
        }

        /** The school's dense index. */
        public int school() {
            return school;
        }

        /** The school year. */
        public SchoolYear schoolYear() {
            return rest.year;
        }
    }

    /**
     * The row of a mark whose student and school are at {@code student} and {@code school} in the tables and whose
     * values are these, as {@link CourseMark}'s components would hold them (decimals already normalized).
     */
    public static Row row(int student, int school, SchoolYear year, String term, String code, String title,
                          Subject subject, Optional<BigDecimal> numeric, Optional<String> letter, CourseResult result,
                          BigDecimal attempted, BigDecimal earned, Optional<LocalDate> termEnd) {
        return new Row(student, school, new Course(code, title, subject),
                new Rest(year, term, numeric, letter, result, attempted, earned, termEnd));
    }

    private final IdTable<StudentId, ?> students;
    private final IdTable<SchoolId, ?> schools;
    private final int[] student;
    private final int[] school;
    private final int[] course;
    private final int[] rest;
    private final Course[] courses;
    private final Rest[] rests;

    private CourseMarkColumns(Builder b, IdTable<StudentId, ?> students, IdTable<SchoolId, ?> schools) {
        this.students = students;
        this.schools = schools;
        this.student = Arrays.copyOf(b.student, b.size);
        this.school = Arrays.copyOf(b.school, b.size);
        this.course = Arrays.copyOf(b.course, b.size);
        this.rest = Arrays.copyOf(b.rest, b.size);
        this.courses = b.courses.values().toArray(new Course[0]);
        this.rests = b.rests.values().toArray(new Rest[0]);
    }

    /** A builder of marks. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CourseMark get(int index) {
        Objects.checkIndex(index, student.length);
        Course c = courses[course[index]];
        Rest r = rests[rest[index]];
        return new CourseMark(students.id(student[index]), schools.id(school[index]), r.year(), r.term(), c.code(),
                c.title(), c.subject(), r.numeric(), r.letter(), r.result(), r.attempted(), r.earned(), r.termEnd());
    }

    @Override
    public int size() {
        return student.length;
    }

    /** The dense index of the student of the mark at {@code index} in the students' table. */
    public int student(int index) {
        return student[index];
    }

    /**
     * Compares the marks at positions {@code a} and {@code b} by school year, term, course code, then school id, as
     * a comparator of those fields of their records would ({@link Grouped.PositionOrder}), without building them:
     * equal dictionary codes are equal fields, so most comparisons of a student's marks end there.
     *
     * @param a a position
     * @param b another position
     * @return negative, zero or positive as the mark at {@code a} comes before, ties with or comes after {@code b}'s
     */
    public int compareByYearTermCourseSchool(int a, int b) {
        int ra = rest[a];
        int rb = rest[b];
        if (ra != rb) {
            Rest x = rests[ra];
            Rest y = rests[rb];
            int c = x.year().compareTo(y.year());
            if (c != 0) {
                return c;
            }
            c = x.term().compareTo(y.term());
            if (c != 0) {
                return c;
            }
        }
        int ca = course[a];
        int cb = course[b];
        if (ca != cb) {
            int c = courses[ca].code().compareTo(courses[cb].code());
            if (c != 0) {
                return c;
            }
        }
        int sa = school[a];
        int sb = school[b];
        return sa == sb ? 0 : schools.id(sa).compareTo(schools.id(sb));
    }

    /**
     * The marks grouped by student, each student's by school year, term, course code, then school id, ties in the
     * list's order: {@link Grouped#ofColumns} with {@link #compareByYearTermCourseSchool}, computed from a rank per
     * mark ({@link Grouped#ofRanks}) when the ranks of the dictionaries' distinct (year, term)s, course codes and the
     * schools fit in a {@code long} (always, but for a directory of millions of distinct courses and terms).
     *
     * @param studentCount the number of students (groups)
     * @return the marks grouped by student
     */
    public Grouped<CourseMark> byStudent(int studentCount) {
        long[] ranks = ranks();
        return ranks == null
                ? Grouped.ofColumns(this, studentCount, this::student, this::compareByYearTermCourseSchool)
                : Grouped.ofRanks(this, studentCount, student, ranks);
    }

    /**
     * Per mark, a rank whose order is {@link #compareByYearTermCourseSchool}'s: the rank of its (year, term) among the
     * dictionary's, then of its course code, then of its school's id (equal fields, equal ranks); null when the three
     * ranks need more than 63 bits.
     */
    private long @Nullable [] ranks() {
        int[] restRank = Ranks.of(rests.length, (a, b) -> {
            int c = rests[a].year().compareTo(rests[b].year());
            return c != 0 ? c : rests[a].term().compareTo(rests[b].term());
        });
        int[] courseRank = Ranks.of(courses.length, (a, b) -> courses[a].code().compareTo(courses[b].code()));
        int[] schoolRank = Ranks.of(schools.size(), (a, b) -> schools.id(a).compareTo(schools.id(b)));
        int courseBits = Ranks.bits(courses.length);
        int schoolBits = Ranks.bits(schools.size());
        if (Ranks.bits(rests.length) + courseBits + schoolBits > 63) {
            return null;
        }
        long[] ranks = new long[student.length];
        for (int p = 0; p < ranks.length; p++) {
            ranks[p] = ((long) restRank[rest[p]] << (courseBits + schoolBits))
                    | ((long) courseRank[course[p]] << schoolBits) | schoolRank[school[p]];
        }
        return ranks;
    }

    /** The school years of the marks, without building them. */
    public SortedSet<SchoolYear> schoolYears() {
        boolean[] used = new boolean[rests.length];
        for (int r : rest) {
            used[r] = true;
        }
        TreeSet<SchoolYear> years = new TreeSet<>();
        for (int r = 0; r < rests.length; r++) {
            if (used[r]) {
                years.add(rests[r].year());
            }
        }
        return Collections.unmodifiableSortedSet(years);
    }

    /** The bytes the columns and dictionaries' arrays take (not the shared strings and decimals). */
    public long columnBytes() {
        return 16L * student.length + 4L * (courses.length + rests.length);
    }

    /** Collects marks in order; not thread-safe. */
    public static final class Builder {
        private int[] student = new int[16];
        private int[] school = new int[16];
        private int[] course = new int[16];
        private int[] rest = new int[16];
        private int size;
        private final Codes<Course> courses = new Codes<>();
        private final Codes<Rest> rests = new Codes<>();

        private Builder() {
        }

        /**
         * Adds {@code m}, whose student and school have the dense indexes {@code studentIndex} and
         * {@code schoolIndex} in the tables.
         */
        public void add(CourseMark m, int studentIndex, int schoolIndex) {
            add(studentIndex, schoolIndex, new Course(m.courseCode(), m.courseTitle(), m.subject()),
                    new Rest(m.schoolYear(), m.term(), m.numericMark(), m.letterMark(), m.result(),
                            m.creditsAttempted(), m.creditsEarned(), m.termEndDate()));
        }

        /** Adds the mark of {@code row}: as {@link #add(CourseMark, int, int)} of the record it stands for. */
        public void add(Row row) {
            add(row.student, row.school, row.course, row.rest);
        }

        private void add(int studentIndex, int schoolIndex, Course c, Rest r) {
            if (studentIndex < 0 || schoolIndex < 0) {
                throw new IllegalArgumentException("the student and school of a course mark must be in the tables");
            }
            if (size == student.length) {
                int n = size * 2;
                student = Arrays.copyOf(student, n);
                school = Arrays.copyOf(school, n);
                course = Arrays.copyOf(course, n);
                rest = Arrays.copyOf(rest, n);
            }
            student[size] = studentIndex;
            school[size] = schoolIndex;
            course[size] = courses.code(c);
            rest[size] = rests.code(r);
            size++;
        }

        /**
         * The columns of the marks added so far, whose student and school indexes are in these tables (which must not
         * change their identifiers at those indexes afterwards: loaded tables and their later versions don't).
         */
        public CourseMarkColumns build(IdTable<StudentId, ?> students, IdTable<SchoolId, ?> schools) {
            return new CourseMarkColumns(this, students, schools);
        }
    }
}
