package org.communityschools.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A report's figures split by the schools' community-school status that year (a school with a LEAD community-based
 * organization, {@code partnerships.csv}): the student-enrollments at community schools and those at the other
 * schools. A side is empty when no school of that status had a student-enrollment counted. Immutable and thread-safe.
 *
 * @param communitySchools the student-enrollments at community schools
 * @param otherSchools     the student-enrollments at the other schools
 */
public record CommunitySchoolSplit(Optional<AttendanceAggregate> communitySchools, Optional<AttendanceAggregate> otherSchools) {
    /**
     * Checks that nothing is missing.
     *
     * @param communitySchools the student-enrollments at community schools
     * @param otherSchools     the student-enrollments at the other schools
     */
    public CommunitySchoolSplit {
        Objects.requireNonNull(communitySchools, "communitySchools");
        Objects.requireNonNull(otherSchools, "otherSchools");
    }

    /**
     * The split of figures keyed by status, {@code true} for community schools.
     *
     * @param byStatus the figures by community-school status; a missing key is an empty side
     * @return the split
     */
    public static CommunitySchoolSplit of(Map<Boolean, AttendanceAggregate> byStatus) {
        Objects.requireNonNull(byStatus, "byStatus");
        return new CommunitySchoolSplit(Optional.ofNullable(byStatus.get(true)), Optional.ofNullable(byStatus.get(false)));
    }

    /**
     * The side of one status.
     *
     * @param communitySchool true for the community schools, false for the others
     * @return that side's figures, empty when it has none
     */
    public Optional<AttendanceAggregate> side(boolean communitySchool) {
        return communitySchool ? communitySchools : otherSchools;
    }
}
