package org.communityschools.privacy.view.internal;

import java.util.Objects;
import org.communityschools.core.model.SchoolId;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Grant;
import org.jspecify.annotations.Nullable;

/**
 * The gate's answer for records of one day of one field at one school, kept for the stretch of days over which it
 * holds ({@link ScopeGate#sameFrom}): a student's attendance days come in date order, in long stretches inside or
 * outside a scope, so the gate is asked once per stretch instead of once per day (the same grant or the same reason
 * as asking for each day). One per field being filled; not thread-safe.
 */
final class Stretch {
    private @Nullable SchoolId school;
    private long from;
    private long until;
    /** The grant covering the stretch's days, null when none does. */
    @Nullable Grant grant;
    private @Nullable String reason;

    /** Makes this the stretch of {@code epochDay} at {@code school} of {@code field}, asking the gate if it is not. */
    void ask(ScopeGate gate, FieldPath field, SchoolId school, long epochDay) {
        if (holds(school, epochDay)) {
            return;
        }
        gate.ask(field, school, epochDay, this);
    }

    /** Whether this is the stretch of {@code epochDay} at {@code school} (the same school object, as rows give it). */
    boolean holds(SchoolId school, long epochDay) {
        return school == this.school && epochDay >= from && epochDay < until;
    }

    /** {@return the school of the stretch} (after {@link #ask}) */
    SchoolId school() {
        return Objects.requireNonNull(school, "school");
    }

    /** Set by {@link ScopeGate#ask}: the stretch {@code [from, until)} at {@code school} and its answer. */
    void set(SchoolId school, long from, long until, @Nullable Grant grant, @Nullable String reason) {
        this.school = school;
        this.from = from;
        this.until = until;
        this.grant = grant;
        this.reason = reason;
    }

    /** {@return the first day of the stretch, as an epoch day} */
    long from() {
        return from;
    }

    /** {@return one past the last day of the stretch} */
    long until() {
        return until;
    }

    /** Forgets the stretch (for another field). */
    void clear() {
        school = null;
    }

    /** Why no grant covers the stretch (when {@link #grant} is null). */
    String reason() {
        return Objects.requireNonNull(reason, "reason");
    }
}
