package org.communityschools.spark.rows;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.metrics.AttendanceTier;

/**
 * One aggregate of a chronic-absence result as a row: a group (its dimension and key) and the counts of {@link org.communityschools.metrics.AttendanceAggregate}; {@link #toAggregate()} converts it back exactly.
 * A mutable JavaBean because Spark's {@code Encoders.bean} needs one; not thread-safe. Nullable fields say so.
 */
public final class AggregateRow implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The grouping: {@code SCHOOL}, {@code DISTRICT}, {@code DISTRICT_POOLED}, {@code DISTRICT_PER_ENROLLMENT}, {@code GRADE}, {@code SUBGROUP} or {@code COMMUNITY_SCHOOL}. */
    private String dimension;
    /** The group: a school id, a grade code, a subgroup {@code dimension=value}, {@code true}/{@code false}, or {@code ALL}. */
    private String groupKey;
    /** Student-enrollments or student-years in the group. */
    private int members;
    /** Members counted (the denominator). */
    private int counted;
    /** Counted members chronically absent (the numerator). */
    private int chronicallyAbsent;
    /** Instructional days enrolled. */
    private long daysEnrolled;
    /** Days absent, an exact decimal. */
    private String daysAbsent;
    /** Counted members in the SATISFACTORY tier. */
    private int satisfactory;
    /** In AT_RISK. */
    private int atRisk;
    /** In MODERATE_CHRONIC. */
    private int moderateChronic;
    /** In SEVERE_CHRONIC. */
    private int severeChronic;

    /** An empty row (for Spark). */
    public AggregateRow() {}

    /** {@return the grouping: {@code SCHOOL}, {@code DISTRICT}, {@code DISTRICT_POOLED}, {@code DISTRICT_PER_ENROLLMENT}, {@code GRADE}, {@code SUBGROUP} or {@code COMMUNITY_SCHOOL}} */
    public String getDimension() {
        return dimension;
    }

    /**
     * Sets the grouping: {@code SCHOOL}, {@code DISTRICT}, {@code DISTRICT_POOLED}, {@code DISTRICT_PER_ENROLLMENT}, {@code GRADE}, {@code SUBGROUP} or {@code COMMUNITY_SCHOOL}.
     *
     * @param dimension the grouping: {@code SCHOOL}, {@code DISTRICT}, {@code DISTRICT_POOLED}, {@code DISTRICT_PER_ENROLLMENT}, {@code GRADE}, {@code SUBGROUP} or {@code COMMUNITY_SCHOOL}
     */
    public void setDimension(String dimension) {
        this.dimension = dimension;
    }

    /** {@return the group: a school id, a grade code, a subgroup {@code dimension=value}, {@code true}/{@code false}, or {@code ALL}} */
    public String getGroupKey() {
        return groupKey;
    }

    /**
     * Sets the group: a school id, a grade code, a subgroup {@code dimension=value}, {@code true}/{@code false}, or {@code ALL}.
     *
     * @param groupKey the group: a school id, a grade code, a subgroup {@code dimension=value}, {@code true}/{@code false}, or {@code ALL}
     */
    public void setGroupKey(String groupKey) {
        this.groupKey = groupKey;
    }

    /** {@return student-enrollments or student-years in the group} */
    public int getMembers() {
        return members;
    }

    /**
     * Sets student-enrollments or student-years in the group.
     *
     * @param members student-enrollments or student-years in the group
     */
    public void setMembers(int members) {
        this.members = members;
    }

    /** {@return members counted (the denominator)} */
    public int getCounted() {
        return counted;
    }

    /**
     * Sets members counted (the denominator).
     *
     * @param counted members counted (the denominator)
     */
    public void setCounted(int counted) {
        this.counted = counted;
    }

    /** {@return counted members chronically absent (the numerator)} */
    public int getChronicallyAbsent() {
        return chronicallyAbsent;
    }

    /**
     * Sets counted members chronically absent (the numerator).
     *
     * @param chronicallyAbsent counted members chronically absent (the numerator)
     */
    public void setChronicallyAbsent(int chronicallyAbsent) {
        this.chronicallyAbsent = chronicallyAbsent;
    }

    /** {@return instructional days enrolled} */
    public long getDaysEnrolled() {
        return daysEnrolled;
    }

    /**
     * Sets instructional days enrolled.
     *
     * @param daysEnrolled instructional days enrolled
     */
    public void setDaysEnrolled(long daysEnrolled) {
        this.daysEnrolled = daysEnrolled;
    }

    /** {@return days absent, an exact decimal} */
    public String getDaysAbsent() {
        return daysAbsent;
    }

    /**
     * Sets days absent, an exact decimal.
     *
     * @param daysAbsent days absent, an exact decimal
     */
    public void setDaysAbsent(String daysAbsent) {
        this.daysAbsent = daysAbsent;
    }

    /** {@return counted members in the SATISFACTORY tier} */
    public int getSatisfactory() {
        return satisfactory;
    }

    /**
     * Sets counted members in the SATISFACTORY tier.
     *
     * @param satisfactory counted members in the SATISFACTORY tier
     */
    public void setSatisfactory(int satisfactory) {
        this.satisfactory = satisfactory;
    }

    /** {@return in AT_RISK} */
    public int getAtRisk() {
        return atRisk;
    }

    /**
     * Sets in AT_RISK.
     *
     * @param atRisk in AT_RISK
     */
    public void setAtRisk(int atRisk) {
        this.atRisk = atRisk;
    }

    /** {@return in MODERATE_CHRONIC} */
    public int getModerateChronic() {
        return moderateChronic;
    }

    /**
     * Sets in MODERATE_CHRONIC.
     *
     * @param moderateChronic in MODERATE_CHRONIC
     */
    public void setModerateChronic(int moderateChronic) {
        this.moderateChronic = moderateChronic;
    }

    /** {@return in SEVERE_CHRONIC} */
    public int getSevereChronic() {
        return severeChronic;
    }

    /**
     * Sets in SEVERE_CHRONIC.
     *
     * @param severeChronic in SEVERE_CHRONIC
     */
    public void setSevereChronic(int severeChronic) {
        this.severeChronic = severeChronic;
    }

    /** {@return the aggregate this row holds} */
    public AttendanceAggregate toAggregate() {
        Map<AttendanceTier, Integer> t = new EnumMap<>(AttendanceTier.class);
        t.put(AttendanceTier.SATISFACTORY, satisfactory);
        t.put(AttendanceTier.AT_RISK, atRisk);
        t.put(AttendanceTier.MODERATE_CHRONIC, moderateChronic);
        t.put(AttendanceTier.SEVERE_CHRONIC, severeChronic);
        return new AttendanceAggregate(members, counted, chronicallyAbsent, daysEnrolled, new BigDecimal(daysAbsent), t);
    }

    /**
     * {@return the row of {@code aggregate} in group ({@code dimension}, {@code groupKey})}
     *
     * @param dimension the grouping, such as {@code SCHOOL}
     * @param groupKey the group's key, such as a school id or {@code ALL}
     * @param aggregate the group's aggregate
     */
    public static AggregateRow of(String dimension, String groupKey, AttendanceAggregate aggregate) {
        AggregateRow r = new AggregateRow();
        r.dimension = dimension;
        r.groupKey = groupKey;
        r.members = aggregate.members();
        r.counted = aggregate.counted();
        r.chronicallyAbsent = aggregate.chronicallyAbsent();
        r.daysEnrolled = aggregate.daysEnrolled();
        r.daysAbsent = aggregate.daysAbsent().toString();
        r.satisfactory = aggregate.inTier(AttendanceTier.SATISFACTORY);
        r.atRisk = aggregate.inTier(AttendanceTier.AT_RISK);
        r.moderateChronic = aggregate.inTier(AttendanceTier.MODERATE_CHRONIC);
        r.severeChronic = aggregate.inTier(AttendanceTier.SEVERE_CHRONIC);
        return r;
    }

    @Override
    public String toString() {
        return "AggregateRow{" + "dimension=" + dimension + ", " + "groupKey=" + groupKey + ", " + "members=" + members + ", " + "counted=" + counted + ", " + "chronicallyAbsent=" + chronicallyAbsent + ", " + "daysEnrolled=" + daysEnrolled + ", " + "daysAbsent=" + daysAbsent + ", " + "satisfactory=" + satisfactory + ", " + "atRisk=" + atRisk + ", " + "moderateChronic=" + moderateChronic + ", " + "severeChronic=" + severeChronic + "}";
    }
}
