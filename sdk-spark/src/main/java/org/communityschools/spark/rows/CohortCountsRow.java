package org.communityschools.spark.rows;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.metrics.CohortRemoval;
import org.communityschools.metrics.NonGraduateOutcome;

/**
 * One group of an ACGR result as a row: its dimension and key and the counts of {@link org.communityschools.metrics.CohortCounts}; {@link #toCounts()} converts it back exactly.
 * A mutable JavaBean because Spark's {@code Encoders.bean} needs one; not thread-safe. Nullable fields say so.
 */
public final class CohortCountsRow implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The grouping: {@code DISTRICT}, {@code SCHOOL} or {@code CHARACTERISTIC}. */
    private String dimension;
    /** A school id, a characteristic code, or {@code ALL}. */
    private String groupKey;
    /** First-time 9th graders. */
    private int firstTimeNinthGraders;
    /** Transfers in. */
    private int transfersIn;
    /** Removals by {@code CohortRemoval} name. */
    private java.util.Map<String, Integer> removals;
    /** Graduates by {@code DiplomaType} name. */
    private java.util.Map<String, Integer> graduates;
    /** Non-graduates by {@code NonGraduateOutcome} name. */
    private java.util.Map<String, Integer> nonGraduates;

    /** An empty row (for Spark). */
    public CohortCountsRow() {}

    /** {@return the grouping: {@code DISTRICT}, {@code SCHOOL} or {@code CHARACTERISTIC}} */
    public String getDimension() {
        return dimension;
    }

    /**
     * Sets the grouping: {@code DISTRICT}, {@code SCHOOL} or {@code CHARACTERISTIC}.
     *
     * @param dimension the grouping: {@code DISTRICT}, {@code SCHOOL} or {@code CHARACTERISTIC}
     */
    public void setDimension(String dimension) {
        this.dimension = dimension;
    }

    /** {@return a school id, a characteristic code, or {@code ALL}} */
    public String getGroupKey() {
        return groupKey;
    }

    /**
     * Sets a school id, a characteristic code, or {@code ALL}.
     *
     * @param groupKey a school id, a characteristic code, or {@code ALL}
     */
    public void setGroupKey(String groupKey) {
        this.groupKey = groupKey;
    }

    /** {@return first-time 9th graders} */
    public int getFirstTimeNinthGraders() {
        return firstTimeNinthGraders;
    }

    /**
     * Sets first-time 9th graders.
     *
     * @param firstTimeNinthGraders first-time 9th graders
     */
    public void setFirstTimeNinthGraders(int firstTimeNinthGraders) {
        this.firstTimeNinthGraders = firstTimeNinthGraders;
    }

    /** {@return transfers in} */
    public int getTransfersIn() {
        return transfersIn;
    }

    /**
     * Sets transfers in.
     *
     * @param transfersIn transfers in
     */
    public void setTransfersIn(int transfersIn) {
        this.transfersIn = transfersIn;
    }

    /** {@return removals by {@code CohortRemoval}} */
    public java.util.Map<String, Integer> getRemovals() {
        return removals;
    }

    /**
     * Sets removals by {@code CohortRemoval}.
     *
     * @param removals removals by {@code CohortRemoval}
     */
    public void setRemovals(java.util.Map<String, Integer> removals) {
        this.removals = removals;
    }

    /** {@return graduates by {@code DiplomaType}} */
    public java.util.Map<String, Integer> getGraduates() {
        return graduates;
    }

    /**
     * Sets graduates by {@code DiplomaType}.
     *
     * @param graduates graduates by {@code DiplomaType}
     */
    public void setGraduates(java.util.Map<String, Integer> graduates) {
        this.graduates = graduates;
    }

    /** {@return non-graduates by {@code NonGraduateOutcome}} */
    public java.util.Map<String, Integer> getNonGraduates() {
        return nonGraduates;
    }

    /**
     * Sets non-graduates by {@code NonGraduateOutcome}.
     *
     * @param nonGraduates non-graduates by {@code NonGraduateOutcome}
     */
    public void setNonGraduates(java.util.Map<String, Integer> nonGraduates) {
        this.nonGraduates = nonGraduates;
    }

    /** {@return the counts this row holds} */
    public CohortCounts toCounts() {
        return new CohortCounts(firstTimeNinthGraders, transfersIn, enums(removals, CohortRemoval.class),
                enums(graduates, DiplomaType.class), enums(nonGraduates, NonGraduateOutcome.class));
    }

    /**
     * {@return the row of {@code counts} in group ({@code dimension}, {@code groupKey})}
     *
     * @param dimension the grouping, such as {@code SCHOOL}
     * @param groupKey the group's key, such as a school id or {@code ALL}
     * @param counts the group's counts
     */
    public static CohortCountsRow of(String dimension, String groupKey, CohortCounts counts) {
        CohortCountsRow r = new CohortCountsRow();
        r.dimension = dimension;
        r.groupKey = groupKey;
        r.firstTimeNinthGraders = counts.firstTimeNinthGraders();
        r.transfersIn = counts.transfersIn();
        r.removals = names(counts.removalsByReason());
        r.graduates = names(counts.graduatesByDiploma());
        r.nonGraduates = names(counts.nonGraduatesByOutcome());
        return r;
    }

    private static <E extends Enum<E>> Map<E, Integer> enums(Map<String, Integer> m, Class<E> type) {
        Map<E, Integer> out = new EnumMap<>(type);
        if (m != null) {
            m.forEach((k, v) -> out.put(Enum.valueOf(type, k), v));
        }
        return out;
    }

    private static Map<String, Integer> names(Map<? extends Enum<?>, Integer> m) {
        Map<String, Integer> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }

    @Override
    public String toString() {
        return "CohortCountsRow{" + "dimension=" + dimension + ", " + "groupKey=" + groupKey + ", " + "firstTimeNinthGraders=" + firstTimeNinthGraders + ", " + "transfersIn=" + transfersIn + ", " + "removals=" + removals + ", " + "graduates=" + graduates + ", " + "nonGraduates=" + nonGraduates + "}";
    }
}
