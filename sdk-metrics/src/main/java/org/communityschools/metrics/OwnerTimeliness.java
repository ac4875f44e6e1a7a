package org.communityschools.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.communityschools.core.model.Ratio;
import org.communityschools.core.model.StaffId;

/**
 * The steps one owner was given, by timeliness, and the share completed on time: on time ÷ (on time + late + overdue);
 * steps not yet due and dropped steps are outside the denominator (see {@link ActionStepFollowUp}). Immutable and
 * thread-safe.
 *
 * @param ownerId   the staff member who owns the steps
 * @param onTime    steps done on or before their due date
 * @param late      steps done after their due date
 * @param overdue   steps still open after their due date
 * @param notYetDue steps still open and not yet due
 * @param dropped   steps dropped
 */
public record OwnerTimeliness(StaffId ownerId, int onTime, int late, int overdue, int notYetDue, int dropped) {
    /**
     * Checks that the owner is given and no count is negative.
     *
     * @param ownerId the staff member who owns the steps
     * @param onTime steps done on or before their due date
     * @param late steps done after their due date
     * @param overdue steps still open after their due date
     * @param notYetDue steps still open and not yet due
     * @param dropped steps dropped
     */
    public OwnerTimeliness {
        Objects.requireNonNull(ownerId, "ownerId");
        if (onTime < 0 || late < 0 || overdue < 0 || notYetDue < 0 || dropped < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + onTime + ", " + late + ", " + overdue + ", "
                    + notYetDue + ", " + dropped);
        }
    }

    /**
     * The steps in the denominator of the on-time share.
     *
     * @return on time + late + overdue
     */
    public int counted() {
        return onTime + late + overdue;
    }

    /**
     * The share of the counted steps done on time, exact; empty when no step is counted.
     *
     * @return on time ÷ counted, as given (not reduced)
     */
    public Optional<Ratio> onTimeShare() {
        return counted() == 0 ? Optional.empty() : Optional.of(Ratio.of(onTime, counted()));
    }

    /**
     * One owner's tally per owner of {@code steps}, by owner id.
     *
     * @param steps the steps' outcomes (for example those a viewer may see)
     * @return one tally per owner with at least one step, in owner id order
     */
    public static List<OwnerTimeliness> tally(List<ActionStepOutcome> steps) {
        Map<StaffId, int[]> counts = new TreeMap<>();
        for (ActionStepOutcome s : steps) {
            counts.computeIfAbsent(s.ownerId(), k -> new int[ActionStepTimeliness.values().length])[s.timeliness().ordinal()]++;
        }
        List<OwnerTimeliness> out = new ArrayList<>();
        counts.forEach((owner, c) -> out.add(new OwnerTimeliness(owner, c[ActionStepTimeliness.ON_TIME.ordinal()],
                c[ActionStepTimeliness.LATE.ordinal()], c[ActionStepTimeliness.OVERDUE.ordinal()],
                c[ActionStepTimeliness.NOT_YET_DUE.ordinal()], c[ActionStepTimeliness.DROPPED.ordinal()])));
        return List.copyOf(out);
    }
}
