package org.communityschools.spark.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The buffer of a per-student aggregator: the student's events seen so far. Mutable, not thread-safe. */
public final class StudentEvents implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The events, in no particular order. */
    final List<StudentEvent> events = new ArrayList<>();

    /** Adds {@code other}'s events. */
    StudentEvents addAll(StudentEvents other) {
        events.addAll(other.events);
        return this;
    }
}
