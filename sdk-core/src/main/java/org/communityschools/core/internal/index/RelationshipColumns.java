package org.communityschools.core.internal.index;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.jspecify.annotations.Nullable;

/**
 * The student–staff relationships of a loaded directory as columns, read as an unmodifiable
 * {@code List<StudentStaffRelationship>} whose records are built on demand (equal to the records added, in the same
 * order): the student's and the staff member's dense index in the loaded {@link IdTable}s and a code of the
 * relationship and its period, 12 bytes a row instead of a record and its period (issue 19: four NYC years held 7.1M
 * relationships). Immutable and thread-safe once built.
 */
public final class RelationshipColumns extends AbstractList<StudentStaffRelationship> implements RandomAccess {
    /** A relationship type in a period: few distinct ones in a district (terms and years). */
    private record Rest(RelationshipType relationship, DateRange period) {
        /**
         * A dictionary lookup per relationship while loading: the type's ordinal and the days of the period, each step
         * spread ({@link AsciiText#spread}: a large odd multiplier, high bits folded in). The record's own hash, built
         * from {@code LocalDate}'s with multipliers of 31, gives many periods the same hash (the start two days later
         * and the end a month earlier and two days later cancel out), and a bin of equal hashes became a tree in the
         * dictionary's map. Equal rests have equal days, so equal hashes.
         */
        @Override
        public int hashCode() {
            Optional<LocalDate> end = period.endExclusive();
            int h = AsciiText.spread(relationship.ordinal()) + (int) period.start().toEpochDay();
            int endDay = end.isPresent() ? (int) end.get().toEpochDay() : Integer.MIN_VALUE;
            return AsciiText.spread(AsciiText.spread(h) + endDay);
        }
    }

    private final IdTable<StudentId, ?> students;
    private final IdTable<StaffId, ?> staff;
    private final int[] student;
    private final int[] member;
    private final int[] rest;
    private final Rest[] rests;

    private RelationshipColumns(Builder b, IdTable<StudentId, ?> students, IdTable<StaffId, ?> staff) {
        this.students = students;
        this.staff = staff;
        this.student = Arrays.copyOf(b.student, b.size);
        this.member = Arrays.copyOf(b.member, b.size);
        this.rest = Arrays.copyOf(b.rest, b.size);
        this.rests = b.rests.values().toArray(new Rest[0]);
    }

    /** A builder of relationships. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public StudentStaffRelationship get(int index) {
        Objects.checkIndex(index, student.length);
        Rest r = rests[rest[index]];
        return new StudentStaffRelationship(students.id(student[index]), staff.id(member[index]), r.relationship(), r.period());
    }

    @Override
    public int size() {
        return student.length;
    }

    /** The dense index of the student of the relationship at {@code index} in the students' table. */
    public int student(int index) {
        return student[index];
    }

    /** The dense index of the staff member of the relationship at {@code index} in the staff table. */
    public int staff(int index) {
        return member[index];
    }

    /**
     * The relationships of the student at {@code student} in {@code byStudent} with staff member {@code staff} whose
     * period contains {@code date}, in the group's order: {@code byStudent.get(student)} filtered by staff member and
     * date, but a group read from relationship columns is screened by the staff member's dense index in the columns'
     * own staff table and by the period's code, so that no record is built for the student's other relationships
     * (a decision asks this of every request: issue 19). A group replaced by a later version (a change batch) holds
     * its records, which are filtered as they are.
     *
     * @param byStudent the relationships grouped by student
     * @param student the student's dense index (negative: none)
     * @param staff the staff member
     * @param date the day
     * @return the relationships, unmodifiable
     */
    public static List<StudentStaffRelationship> withStaffOn(Grouped<StudentStaffRelationship> byStudent, int student,
                                                             StaffId staff, LocalDate date) {
        StudentStaffRelationship only = null;
        List<StudentStaffRelationship> more = null;
        if (byStudent.sourceOf(student) instanceof RelationshipColumns c) {
            // the loaded staff table: an id's index there is the one its rows hold (ids are unique, never reassigned)
            int m = c.staff.indexOf(staff.value());
            if (m < 0) {
                return List.of();
            }
            for (int p = byStudent.start(student), end = byStudent.end(student); p < end; p++) {
                int at = byStudent.sourcePosition(p);
                if (c.member[at] == m && c.rests[c.rest[at]].period().contains(date)) {
                    StudentStaffRelationship r = c.get(at);
                    if (only == null) {
                        only = r;
                    } else {
                        more = more(more, only, r);
                    }
                }
            }
        } else {
            List<StudentStaffRelationship> group = byStudent.get(student);
            for (int i = 0, n = group.size(); i < n; i++) {
                StudentStaffRelationship r = group.get(i);
                if (r.staffId().equals(staff) && r.period().contains(date)) {
                    if (only == null) {
                        only = r;
                    } else {
                        more = more(more, only, r);
                    }
                }
            }
        }
        return more != null ? List.copyOf(more) : only != null ? List.of(only) : List.of();
    }

    private static List<StudentStaffRelationship> more(@Nullable List<StudentStaffRelationship> more,
                                                       StudentStaffRelationship first, StudentStaffRelationship next) {
        List<StudentStaffRelationship> out = more;
        if (out == null) {
            out = new ArrayList<>(4);
            out.add(first);
        }
        out.add(next);
        return out;
    }

    /**
     * Compares the relationships at positions {@code a} and {@code b} by start date, student id, then relationship
     * type (the order of a staff member's relationships), as a comparator of those fields of their records would
     * ({@link Grouped.PositionOrder}), without building them.
     *
     * @param a a position
     * @param b another position
     * @return negative, zero or positive as the relationship at {@code a} comes before, ties with or comes after
     *         {@code b}'s
     */
    public int compareByStartStudentType(int a, int b) {
        return compareByStart(a, b, student, students);
    }

    /**
     * Compares the relationships at positions {@code a} and {@code b} by start date, staff id, then relationship
     * type (the order of a student's relationships), as {@link #compareByStartStudentType} does by student.
     *
     * @param a a position
     * @param b another position
     * @return negative, zero or positive as the relationship at {@code a} comes before, ties with or comes after
     *         {@code b}'s
     */
    public int compareByStartStaffType(int a, int b) {
        return compareByStart(a, b, member, staff);
    }

    /**
     * The relationships grouped by staff member, each one's by start date, student id, then relationship type, ties in
     * the list's order: {@link Grouped#ofColumns} with {@link #compareByStartStudentType}, computed from a rank per
     * relationship ({@link #ranks}, {@link Grouped#ofRanks}) that orders as that comparison, ties included.
     *
     * @return the relationships grouped by the staff member's dense index
     */
    public Grouped<StudentStaffRelationship> byStaff() {
        long[] ranks = ranks(student, students);
        return ranks == null ? Grouped.ofColumns(this, staff.size(), this::staff, this::compareByStartStudentType)
                : Grouped.ofRanks(this, staff.size(), member, ranks);
    }

    /**
     * The relationships grouped by student, each one's by start date, staff id, then relationship type, ties in the
     * list's order, as {@link #byStaff} groups by staff member ({@link #compareByStartStaffType}).
     *
     * @return the relationships grouped by the student's dense index
     */
    public Grouped<StudentStaffRelationship> byStudent() {
        long[] ranks = ranks(member, staff);
        return ranks == null ? Grouped.ofColumns(this, students.size(), this::student, this::compareByStartStaffType)
                : Grouped.ofRanks(this, students.size(), student, ranks);
    }

    /**
     * Per relationship, a rank whose order is {@link #compareByStart}'s with the other party {@code party} in
     * {@code ids}: the rank of its start date among the periods' starts, then of the other party's id among the
     * table's ids ({@link Ranks#ofIds}: in id order, not the table's index order), then the type's ordinal, packed
     * from the most significant down; equal fields give equal ranks, so ties stay ties. Null when the three need more
     * than 63 bits (billions of distinct starts and ids).
     */
    private <K extends Comparable<K>> long @Nullable [] ranks(int[] party, IdTable<K, ?> ids) {
        int[] startRank = Ranks.of(rests.length, (a, b) -> rests[a].period().start().compareTo(rests[b].period().start()));
        int typeBits = Ranks.bits(RelationshipType.values().length);
        int idBits = Ranks.bits(ids.size());
        if (Ranks.bits(rests.length) + idBits + typeBits > 63) {
            return null;
        }
        int[] idRank = Ranks.ofIds(ids);
        long[] restRank = new long[rests.length];
        for (int r = 0; r < rests.length; r++) {
            restRank[r] = ((long) startRank[r] << (idBits + typeBits)) | rests[r].relationship().ordinal();
        }
        long[] ranks = new long[party.length];
        for (int p = 0; p < ranks.length; p++) {
            ranks[p] = restRank[rest[p]] | ((long) idRank[party[p]] << typeBits);
        }
        return ranks;
    }

    /**
     * The two orders' one comparison: start date, the id of the other party ({@code party} indexes into {@code ids}),
     * relationship type. Small enough to be compiled into each order's method on its own.
     */
    private <K extends Comparable<K>> int compareByStart(int a, int b, int[] party, IdTable<K, ?> ids) {
        Rest x = rests[rest[a]];
        Rest y = rests[rest[b]];
        int c = x == y ? 0 : x.period().start().compareTo(y.period().start());
        if (c != 0) {
            return c;
        }
        int pa = party[a];
        int pb = party[b];
        if (pa != pb) {
            c = ids.id(pa).compareTo(ids.id(pb));
            if (c != 0) {
                return c;
            }
        }
        return x == y ? 0 : x.relationship().compareTo(y.relationship());
    }

    /** Collects relationships in order; not thread-safe. */
    public static final class Builder {
        private int[] student = new int[16];
        private int[] member = new int[16];
        private int[] rest = new int[16];
        private int size;
        private final Codes<Rest> rests = new Codes<>();

        private Builder() {
        }

        /** The last relationship type and period coded, and their code: a file's rows repeat a few periods. */
        private @Nullable RelationshipType lastType;
        private @Nullable DateRange lastPeriod;
        private int lastCode;

        /** Adds {@code r}, whose student and staff member have these dense indexes in the tables. */
        public void add(StudentStaffRelationship r, int studentIndex, int staffIndex) {
            add(studentIndex, staffIndex, r.relationship(), r.period());
        }

        /**
         * Adds the relationship of type {@code type} in {@code period} of the student and staff member at these dense
         * indexes in the tables, without a record (the directory reader's accepted rows: issue 19). A period instance
         * the reader shares between rows is coded by identity while it repeats.
         *
         * @param studentIndex the student's dense index
         * @param staffIndex the staff member's dense index
         * @param type the relationship type
         * @param period the period
         */
        public void add(int studentIndex, int staffIndex, RelationshipType type, DateRange period) {
            if (studentIndex < 0 || staffIndex < 0) {
                throw new IllegalArgumentException("the student and staff member of a relationship must be in the tables");
            }
            if (size == student.length) {
                int n = size * 2;
                student = Arrays.copyOf(student, n);
                member = Arrays.copyOf(member, n);
                rest = Arrays.copyOf(rest, n);
            }
            student[size] = studentIndex;
            member[size] = staffIndex;
            if (type != lastType || period != lastPeriod) {
                lastCode = rests.code(new Rest(Objects.requireNonNull(type, "type"), Objects.requireNonNull(period, "period")));
                lastType = type;
                lastPeriod = period;
            }
            rest[size] = lastCode;
            size++;
        }

        /**
         * The columns of the relationships added so far, whose indexes are in these tables (which must not change
         * their identifiers at those indexes afterwards: loaded tables and their later versions don't).
         */
        public RelationshipColumns build(IdTable<StudentId, ?> students, IdTable<StaffId, ?> staff) {
            return new RelationshipColumns(this, students, staff);
        }
    }
}
