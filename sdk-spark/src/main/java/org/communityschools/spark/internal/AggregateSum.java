package org.communityschools.spark.internal;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.communityschools.metrics.AttendanceAggregate;
import org.communityschools.spark.rows.AggregateRow;

/**
 * Adds up the per-member partials of one group with the SDK's {@link AttendanceAggregate#plus} (counts, days and
 * tiers are sums: associative and commutative, so Spark may add them in any order on any executor). Stateless.
 */
public final class AggregateSum extends Aggregator<AggregateRow, AggregateRow, AggregateRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public AggregateRow zero() {
        return AggregateRow.of("", "", new AttendanceAggregate(0, 0, 0, 0, BigDecimal.ZERO, Map.of()));
    }

    @Override
    public AggregateRow reduce(AggregateRow b, AggregateRow a) {
        return merge(b, a);
    }

    @Override
    public AggregateRow merge(AggregateRow a, AggregateRow b) {
        String dimension = a.getDimension().isEmpty() ? b.getDimension() : a.getDimension();
        String key = a.getGroupKey().isEmpty() ? b.getGroupKey() : a.getGroupKey();
        return AggregateRow.of(dimension, key, a.toAggregate().plus(b.toAggregate()));
    }

    @Override
    public AggregateRow finish(AggregateRow r) {
        return r;
    }

    @Override
    public Encoder<AggregateRow> bufferEncoder() {
        return Encoders.bean(AggregateRow.class);
    }

    @Override
    public Encoder<AggregateRow> outputEncoder() {
        return Encoders.bean(AggregateRow.class);
    }
}
