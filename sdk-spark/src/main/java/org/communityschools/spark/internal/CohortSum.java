package org.communityschools.spark.internal;

import java.util.Map;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.communityschools.metrics.CohortCounts;
import org.communityschools.spark.rows.CohortCountsRow;

/** Adds up the per-student cohort partials of one group with the SDK's {@link CohortCounts#plus}. Stateless. */
public final class CohortSum extends Aggregator<CohortCountsRow, CohortCountsRow, CohortCountsRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public CohortCountsRow zero() {
        return CohortCountsRow.of("", "", new CohortCounts(0, 0, Map.of(), Map.of(), Map.of()));
    }

    @Override
    public CohortCountsRow reduce(CohortCountsRow b, CohortCountsRow a) {
        return merge(b, a);
    }

    @Override
    public CohortCountsRow merge(CohortCountsRow a, CohortCountsRow b) {
        String dimension = a.getDimension().isEmpty() ? b.getDimension() : a.getDimension();
        String key = a.getGroupKey().isEmpty() ? b.getGroupKey() : a.getGroupKey();
        return CohortCountsRow.of(dimension, key, a.toCounts().plus(b.toCounts()));
    }

    @Override
    public CohortCountsRow finish(CohortCountsRow r) {
        return r;
    }

    @Override
    public Encoder<CohortCountsRow> bufferEncoder() {
        return Encoders.bean(CohortCountsRow.class);
    }

    @Override
    public Encoder<CohortCountsRow> outputEncoder() {
        return Encoders.bean(CohortCountsRow.class);
    }
}
