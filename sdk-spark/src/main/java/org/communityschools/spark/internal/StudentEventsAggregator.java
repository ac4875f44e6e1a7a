package org.communityschools.spark.internal;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * A Spark {@link Aggregator} that gathers one student's events into a {@link StudentEvents} buffer (Spark's partial
 * aggregation may split a student over several buffers, which merge by concatenation) and hands the whole of them to
 * the SDK's own calculation in {@link #finish}. The one place for the buffer's handling, shared by the chronic absence
 * and graduation aggregators.
 *
 * @param <O> the per-student result
 */
abstract class StudentEventsAggregator<O> extends Aggregator<StudentEvent, StudentEvents, O> {
    private static final long serialVersionUID = 1L;

    @Override
    public StudentEvents zero() {
        return new StudentEvents();
    }

    @Override
    public StudentEvents reduce(StudentEvents b, StudentEvent e) {
        b.events.add(e);
        return b;
    }

    @Override
    public StudentEvents merge(StudentEvents a, StudentEvents b) {
        return a.addAll(b);
    }

    @Override
    public Encoder<StudentEvents> bufferEncoder() {
        return Encoders.javaSerialization(StudentEvents.class);
    }
}
