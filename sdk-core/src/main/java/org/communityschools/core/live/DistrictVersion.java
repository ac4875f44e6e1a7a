package org.communityschools.core.live;

import java.util.Objects;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.internal.index.HashTrie;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;

/**
 * One numbered version of a district's data held by a {@link LiveDistrict}: the data, its number (0 for the data
 * the district started from, then one more per applied batch) and the <em>access-fact versions</em> a decision cache
 * keys on. Access facts are the records an access decision reads: staff and their assignments (per staff member);
 * students, enrollments, student–staff relationships and consents (per student; a relationship also per staff
 * member); organizations, schools, partnerships and agreements (for everyone). {@link #accessVersionOf(StudentId)}
 * is the number of the last version that changed an access fact of the student (0 when none did); a decision about a
 * requester and a student made at version {@code v} holds at every later version whose
 * {@link #accessStamp(StaffId, StudentId)} is the same. Attendance, marks, incidents, characteristics, diplomas,
 * calendars, interventions and their participants are not access facts.
 *
 * <p>Immutable and thread-safe: a reader holding a version keeps a consistent view of it while later versions are
 * applied.
 */
public final class DistrictVersion {
    private final long lineage;
    private final long number;
    private final DistrictData data;
    private final HashTrie<StudentId, Long> studentAccess;
    private final HashTrie<StaffId, Long> staffAccess;
    private final long globalAccess;

    DistrictVersion(long lineage, long number, DistrictData data, HashTrie<StudentId, Long> studentAccess,
                    HashTrie<StaffId, Long> staffAccess, long globalAccess) {
        this.lineage = lineage;
        this.number = number;
        this.data = Objects.requireNonNull(data, "data");
        this.studentAccess = studentAccess;
        this.staffAccess = staffAccess;
        this.globalAccess = globalAccess;
    }

    /**
     * {@return the version number: 0 for the data the district started from (or was last compacted to), one more per
     * batch}
     */
    public long number() {
        return number;
    }

    /** {@return the data of this version} */
    public DistrictData data() {
        return data;
    }

    /**
     * The identity of the {@link LiveDistrict} whose version this is: a number no other live district made in this JVM
     * has, so that caches shared by several districts never mix their versions.
     *
     * @return the lineage number
     */
    public long lineage() {
        return lineage;
    }

    /**
     * {@return the number of the last version that changed an access fact of {@code student}, or 0}
     *
     * @param student the student
     */
    public long accessVersionOf(StudentId student) {
        Long v = studentAccess.get(Objects.requireNonNull(student, "student"));
        return v == null ? 0 : v;
    }

    /**
     * {@return the number of the last version that changed an access fact of {@code staff}, or 0}
     *
     * @param staff the staff member
     */
    public long accessVersionOf(StaffId staff) {
        Long v = staffAccess.get(Objects.requireNonNull(staff, "staff"));
        return v == null ? 0 : v;
    }

    /**
     * {@return the number of the last version that changed an access fact of everyone (organizations, schools,
     * partnerships, agreements), or 0}
     */
    public long globalAccessVersion() {
        return globalAccess;
    }

    /**
     * The version of the access facts a decision about {@code requester} and {@code student} reads: the largest of
     * the three access versions. Equal stamps at two versions mean that the decision is the same at both.
     *
     * @param requester the staff member who asks
     * @param student the student asked about
     * @return the access stamp
     */
    public long accessStamp(StaffId requester, StudentId student) {
        return Math.max(globalAccess, Math.max(accessVersionOf(requester), accessVersionOf(student)));
    }

    /** This version with equal data held differently (flat tables after a compaction). */
    DistrictVersion withData(DistrictData equal) {
        return new DistrictVersion(lineage, number, equal, studentAccess, staffAccess, globalAccess);
    }

    HashTrie<StudentId, Long> studentAccess() {
        return studentAccess;
    }

    HashTrie<StaffId, Long> staffAccess() {
        return staffAccess;
    }

    @Override
    public String toString() {
        return "DistrictVersion[" + number + ", " + data + "]";
    }
}
