package org.communityschools.spark.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.spark.rows.CohortCountsRow;

/** The per-student partials of one student's cohort status, each keyed by a group. A mutable JavaBean for Spark. */
public final class CohortRows implements Serializable {
    private static final long serialVersionUID = 1L;

    private List<CohortCountsRow> rows = new ArrayList<>();

    /** An empty list (for Spark). */
    public CohortRows() {}

    /** The rows. */
    public List<CohortCountsRow> getRows() {
        return rows;
    }

    /** Sets the rows. */
    public void setRows(List<CohortCountsRow> rows) {
        this.rows = rows;
    }

    void add(String dimension, String key, CohortCounts counts) {
        rows.add(CohortCountsRow.of(dimension, key, counts));
    }
}
