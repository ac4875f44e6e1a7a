package org.communityschools.spark.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.spark.rows.AggregateRow;

/** The per-member partials of one student, each keyed by a group. A mutable JavaBean for Spark; not thread-safe. */
public final class AggregateRows implements Serializable {
    private static final long serialVersionUID = 1L;

    private List<AggregateRow> rows = new ArrayList<>();

    /** An empty list (for Spark). */
    public AggregateRows() {}

    /** The rows. */
    public List<AggregateRow> getRows() {
        return rows;
    }

    /** Sets the rows. */
    public void setRows(List<AggregateRow> rows) {
        this.rows = rows;
    }

    void add(String dimension, String key, AttendanceAggregate aggregate) {
        rows.add(AggregateRow.of(dimension, key, aggregate));
    }
}
