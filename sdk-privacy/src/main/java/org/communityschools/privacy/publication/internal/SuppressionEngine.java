package org.communityschools.privacy.publication.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communityschools.privacy.publication.AuditedRange;
import org.communityschools.privacy.publication.Cell;
import org.communityschools.privacy.publication.CellStatus;
import org.communityschools.privacy.publication.ComplementaryOrder;
import org.communityschools.privacy.publication.CountTable;
import org.communityschools.privacy.publication.Dimension;
import org.communityschools.privacy.publication.Markers;
import org.communityschools.privacy.publication.ProtectedCell;
import org.communityschools.privacy.publication.ProtectedTable;
import org.communityschools.privacy.publication.Release;
import org.communityschools.privacy.publication.SuppressionReason;
import org.communityschools.privacy.publication.SuppressionRules;
import org.jspecify.annotations.Nullable;

/**
 * Protects a {@link CountTable}: primary suppression, rate coding, complementary suppression to a fixed point, then
 * the exact audit, extending the suppression while the audit finds an unprotected cell and refusing when nothing is
 * left to suppress. Deterministic: the same table and rules give the same result.
 */
public final class SuppressionEngine {
    private static final byte PUBLISHED = 0;
    private static final byte SUPPRESSED = 1;
    private static final byte BOTTOM = 2;
    private static final byte TOP = 3;

    private final CountTable table;
    private final SuppressionRules rules;
    private final int n;
    private final long[] count;
    private final long[] group;
    private final int[][] lines;
    private final List<List<int[]>> linesOf;
    /** The sums, and the sums holding each cell. */
    private final TableSums sums;
    private final byte[] status;
    private final SuppressionReason[] reason;
    private final int[] codedPercent;
    /** What earlier releases of the same measure published, or null when protecting a table alone. */
    private final @Nullable PriorKnowledge prior;
    /** The unknowns of the audit: the table's cells, then cells only earlier releases hold. */
    private final int total;
    private final int[][] auditLines;
    private final List<List<int[]>> auditLinesOf;
    /** The linear programming this protection may do, over all its audits. */
    private final AuditBudget budget = AuditBudget.forProtection();
    /**
     * Whether a widening round audits again only the components its suppressions changed (a component's ranges depend
     * on nothing else), rather than the whole table; off with earlier releases, and in the tests' oracle.
     */
    private final boolean incremental;
    /** Whether each cell is hidden (status other than published), kept with {@link #status}. */
    private final boolean[] hiddenFlags;
    /** The cells whose status changed since the last audit, recorded while {@link #tracking}. */
    private final List<Integer> changed = new ArrayList<>();
    private boolean tracking;
    /** Scratch for {@link #auditChanged}: the bounds and component positions of the cells it audits. */
    private long @Nullable [] roundLo;
    private long @Nullable [] roundHi;
    private int @Nullable [] roundLocal;

    /** Cells of the table this release does not publish (see {@link SuppressionReason#NOT_RELEASED}). */
    private final boolean[] notReleased;

    private SuppressionEngine(CountTable table, SuppressionRules rules, @Nullable PriorKnowledge prior) {
        this(table, rules, prior, java.util.Set.of(), prior == null);
    }

    private SuppressionEngine(CountTable table, SuppressionRules rules, @Nullable PriorKnowledge prior,
                              java.util.Set<org.communityschools.privacy.publication.CellKey> released,
                              boolean incremental) {
        this.incremental = incremental;
        this.table = table;
        this.rules = rules;
        this.notReleased = new boolean[table.cells().size()];
        if (!released.isEmpty()) {
            for (int i = 0; i < notReleased.length; i++) {
                notReleased[i] = !released.contains(table.cells().get(i).key());
            }
        }
        List<Cell> cells = table.cells();
        this.n = cells.size();
        this.count = new long[n];
        this.group = new long[n];
        for (int i = 0; i < n; i++) {
            count[i] = cells.get(i).count();
            group[i] = cells.get(i).groupSize();
        }
        this.sums = TableSums.of(table.rows(), table.columns());
        this.lines = sums.lines();
        this.linesOf = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            linesOf.add(new ArrayList<>());
        }
        for (int[] line : lines) {
            for (int c : line) {
                linesOf.get(c).add(line);
            }
        }
        this.status = new byte[n];
        this.hiddenFlags = new boolean[n];
        this.reason = new SuppressionReason[n];
        this.codedPercent = new int[n];
        this.prior = prior;
        this.total = prior == null ? n : prior.size;
        this.auditLines = prior == null ? lines : prior.lines;
        if (prior == null) {
            this.auditLinesOf = linesOf;
        } else {
            this.auditLinesOf = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                auditLinesOf.add(new ArrayList<>());
            }
            for (int[] line : auditLines) {
                for (int c : line) {
                    auditLinesOf.get(c).add(line);
                }
            }
            for (int i = 0; i < n; i++) {
                if (table.isWithheld(i)) {
                    continue;
                }
                if (prior.known[i] && prior.knownValue[i] != count[i]
                        || !prior.known[i] && prior.hi[i] != Long.MAX_VALUE && (count[i] < prior.lo[i] || count[i] > prior.hi[i])) {
                    throw new IllegalArgumentException("cell " + cells.get(i).key() + " differs from what an earlier release "
                            + "of the same measure published; a revised figure needs its own measure name");
                }
            }
        }
    }

    /** Protects {@code table} under {@code rules}. */
    public static ProtectedTable protect(CountTable table, SuppressionRules rules) {
        return new SuppressionEngine(table, rules, null).run();
    }

    /** As {@link #protect(CountTable, SuppressionRules)}, auditing the whole table in every round: the tests' oracle. */
    static ProtectedTable protectAuditingWholeTableEachRound(CountTable table, SuppressionRules rules) {
        return new SuppressionEngine(table, rules, null, java.util.Set.of(), false).run();
    }

    /**
     * Protects {@code table}, a table of {@code measure}, under {@code rules}, auditing it together with the earlier
     * {@code releases}: a cell an earlier release published is known to every reader, and no hidden cell of the table
     * or of an earlier release may become narrower than the rules allow.
     */
    public static ProtectedTable protect(CountTable table, SuppressionRules rules, String measure, List<Release> releases) {
        return new SuppressionEngine(table, rules, PriorKnowledge.of(table, measure, releases)).run();
    }

    /**
     * Protects {@code table}, a joint table of groupings of one population, publishing only the cells in
     * {@code released} (not empty); the others are audited as unknowns that tie the released cells together, and are
     * protected only as far as earlier {@code releases} of {@code measure} hid them.
     */
    public static ProtectedTable protectTogether(CountTable table, java.util.Set<org.communityschools.privacy.publication.CellKey> released,
                                                 SuppressionRules rules, String measure, List<Release> releases) {
        for (org.communityschools.privacy.publication.CellKey key : released) {
            table.cell(key).orElseThrow(() -> new IllegalArgumentException("no cell " + key + " in the table"));
        }
        if (released.isEmpty()) {
            throw new IllegalArgumentException("a release publishes at least one cell");
        }
        return new SuppressionEngine(table, rules, PriorKnowledge.of(table, measure, releases), released, false).run();
    }

    /**
     * The audited range of each cell of {@code suppressed} when exactly those cells are withheld, each known to lie
     * between 0 and its group size, and every other cell is published.
     */
    public static java.util.Map<org.communityschools.privacy.publication.CellKey, AuditedRange> audit(CountTable table,
            java.util.Set<org.communityschools.privacy.publication.CellKey> suppressed) {
        SuppressionEngine e = new SuppressionEngine(table, SuppressionRules.builder().minimumGroupSize(1).build(), null);
        for (int i = 0; i < e.n; i++) {
            if (table.isWithheld(i)) { // never known to a reader, whatever the pattern asked about
                e.suppress(i, SuppressionReason.WITHHELD_IN_INPUT);
            }
        }
        for (org.communityschools.privacy.publication.CellKey key : suppressed) {
            table.cell(key).orElseThrow(() -> new IllegalArgumentException("no cell " + key + " in the table"));
            int i = table.rows().indexOf(key.row()) * table.columns().size() + table.columns().indexOf(key.column());
            e.suppress(i, SuppressionReason.COMPLEMENTARY);
        }
        long[][] ranges = e.audit();
        java.util.Map<org.communityschools.privacy.publication.CellKey, AuditedRange> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < e.n; i++) {
            if (ranges[i] != null) {
                out.put(table.cells().get(i).key(), new AuditedRange(ranges[i][0], ranges[i][1]));
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private ProtectedTable run() {
        for (int i = 0; i < n; i++) {
            Cell cell = table.cells().get(i);
            if (notReleased[i]) {
                suppress(i, SuppressionReason.NOT_RELEASED);
            } else if (table.isWithheld(i)) {
                suppress(i, SuppressionReason.WITHHELD_IN_INPUT);
            } else if (rules.isSmallGroup(cell)) {
                suppress(i, SuppressionReason.PRIMARY_SMALL_GROUP);
            } else if (rules.isSmallCount(cell)) {
                suppress(i, SuppressionReason.PRIMARY_SMALL_COUNT);
            }
        }
        rules.rateCoding().ifPresent(coding -> {
            for (int i = 0; i < n; i++) {
                if (status[i] != PUBLISHED) {
                    continue;
                }
                Optional<Integer> p = coding.percentFor(group[i]);
                if (p.isPresent()) {
                    if (100 * count[i] <= p.get() * group[i]) {
                        status[i] = BOTTOM;
                        hiddenFlags[i] = true;
                        codedPercent[i] = p.get();
                    } else if (100 * (group[i] - count[i]) <= p.get() * group[i]) {
                        status[i] = TOP;
                        hiddenFlags[i] = true;
                        codedPercent[i] = p.get();
                    }
                }
            }
        });
        complementaryToFixedPoint();
        long[][] ranges;
        try {
            ranges = audit();
        } catch (AuditBudget.ExceededException e) { // refused before the long work, each hidden cell at its known bounds
            return result(knownBounds(), List.of(e.getMessage()));
        }
        java.util.BitSet failingCells = new java.util.BitSet(total);
        for (int i = 0; i < total; i++) {
            failingCells.set(i, fails(ranges, i));
        }
        tracking = incremental;
        while (true) {
            int failing = failingCells.nextSetBit(0);
            if (failing < 0) {
                return result(ranges, List.of());
            }
            boolean pinnedEarlier = failing < n && prior != null && prior.known[failing];
            int extra = rules.widenUntilProtected() && !pinnedEarlier ? widenFor(failing) : -1;
            if (extra < 0) {
                List<String> refusals = new ArrayList<>();
                for (int i = failingCells.nextSetBit(0); i >= 0; i = failingCells.nextSetBit(i + 1)) {
                    String who = i < n ? "cell " + table.cells().get(i).key() : prior.name[i];
                    refusals.add(i < n && prior != null && prior.known[i]
                            ? who + " must be suppressed but an earlier release of the same measure published it"
                            : who + " can be narrowed to a range of width " + (ranges[i][1] - ranges[i][0])
                                    + ", the rules require " + required(i)
                                    + (rules.widenUntilProtected() ? " and no further cell can be suppressed to widen it" : ""));
                }
                return result(ranges, refusals);
            }
            suppress(extra, SuppressionReason.COMPLEMENTARY);
            complementaryToFixedPoint();
            try {
                if (incremental) {
                    for (int c : auditChanged(ranges)) {
                        failingCells.set(c, fails(ranges, c));
                    }
                } else {
                    ranges = audit();
                    for (int i = 0; i < total; i++) {
                        failingCells.set(i, fails(ranges, i));
                    }
                }
            } catch (AuditBudget.ExceededException e) {
                return result(knownBounds(), List.of(e.getMessage()));
            }
        }
    }

    private boolean fails(long[][] ranges, int i) {
        return ranges[i] != null && ranges[i][1] - ranges[i][0] < required(i);
    }

    /**
     * Audits again the components holding a cell whose status changed since the last audit (found by walking the sums
     * from those cells, so the cost is that of the components, not of the table), writing their ranges into
     * {@code ranges}; the other components keep theirs, which depend on nothing that changed. Returns the cells
     * audited.
     */
    private List<Integer> auditChanged(long[][] ranges) {
        List<Integer> audited = new ArrayList<>();
        java.util.Set<Integer> seenLines = new java.util.HashSet<>();
        java.util.Set<Integer> seenCells = new java.util.HashSet<>();
        if (roundLo == null) { // once, not per round: a round costs its components, not the table
            roundLo = new long[n];
            roundHi = new long[n];
            roundLocal = new int[n];
        }
        long[] lo = roundLo;
        long[] hi = roundHi;
        int[] local = roundLocal;
        for (int start : changed) {
            if (!hiddenFlags[start] || !seenCells.add(start)) {
                continue;
            }
            TableSums.Component component = sums.component(start, hiddenFlags, seenCells, seenLines);
            List<Integer> vars = component.cells();
            for (int v = 0; v < vars.size(); v++) {
                int c = vars.get(v);
                local[c] = v;
                long[] bounds = boundsOf(c);
                lo[c] = bounds[0];
                hi[c] = bounds[1];
            }
            ExactAudit.solveComponent(vars, component.lines(), local, hiddenFlags, count, lo, hi, true, budget, ranges);
            audited.addAll(vars);
        }
        changed.clear();
        return audited;
    }

    /**
     * The width a hidden cell's audited range must reach: the rules' width, capped at the group size; for a cell only
     * earlier releases hold, capped at the width those releases left it.
     */
    private long required(int i) {
        if (i >= n || notReleased[i]) {
            // a cell only earlier releases hold, or one this release leaves out: as wide as earlier releases left it
            return prior == null || prior.known[i] || prior.hi[i] == Long.MAX_VALUE ? 0
                    : Math.min(rules.minimumRangeWidth(), prior.hi[i] - prior.lo[i]);
        }
        return Math.min(rules.minimumRangeWidth(), group[i]);
    }

    private void suppress(int i, SuppressionReason why) {
        status[i] = SUPPRESSED;
        hiddenFlags[i] = true;
        reason[i] = why;
        if (tracking) {
            changed.add(i);
        }
    }

    private boolean hidden(int i) {
        return status[i] != PUBLISHED;
    }

    /**
     * The heuristic: while some sum has exactly one hidden cell, or hidden cells that are all 0 or all full (so that
     * their sum, and with it each of them, is known), suppress the smallest visible cell of that sum. Sums are
     * examined in table order (row sums, then column sums) and the scan restarts after each suppression. "Smallest" is
     * by the rules' {@link ComplementaryOrder}, then table order.
     *
     * <p>The restart is kept without rescanning: a sum can only change when one of its cells is suppressed, so the
     * sums still to examine are a set of pending line numbers, the first taken each time; a suppression puts back the
     * sums holding the suppressed cell. The first breaking sum in table order is always among the pending ones, so the
     * cells chosen are those of the restarting scan, in time linear in the table plus the sums touched.
     */
    private void complementaryToFixedPoint() {
        java.util.BitSet pending = new java.util.BitSet(lines.length);
        pending.set(0, lines.length);
        int from = 0;
        for (int l = pending.nextSetBit(from); l >= 0; l = pending.nextSetBit(from)) {
            pending.clear(l);
            from = l;
            int[] line = lines[l];
            int hiddenCount = 0;
            int protectedCount = 0; // hidden cells the heuristic protects: not the ones this release leaves out
            boolean allZero = true;
            boolean allFull = true;
            for (int c : line) {
                if (hidden(c)) {
                    hiddenCount++;
                    protectedCount += notReleased[c] ? 0 : 1;
                    boolean unknown = table.isWithheld(c) || notReleased[c];
                    allZero &= !unknown && count[c] == 0;
                    allFull &= !unknown && count[c] == group[c];
                }
            }
            if (protectedCount == 0 || hiddenCount == line.length) {
                continue;
            }
            if (hiddenCount == 1 || allZero || allFull) {
                int pick = smallestVisible(line);
                suppress(pick, SuppressionReason.COMPLEMENTARY);
                for (int holding : sums.linesOf(pick)) {
                    pending.set(holding);
                    from = Math.min(from, holding);
                }
            }
        }
    }

    /** The smallest published cell of a sum; one exists whenever some member of the sum is not hidden. */
    private int smallestVisible(int[] cells) {
        int best = -1;
        for (int c : cells) {
            if (status[c] != PUBLISHED) {
                continue;
            }
            if (best < 0 || smaller(c, best)) {
                best = c;
            }
        }
        return best;
    }

    private boolean smaller(int a, int b) {
        long[] first = rules.complementaryOrder() == ComplementaryOrder.SMALLEST_GROUP ? group : count;
        long[] second = first == group ? count : group;
        if (first[a] != first[b]) {
            return first[a] < first[b];
        }
        if (second[a] != second[b]) {
            return second[a] < second[b];
        }
        return a < b;
    }

    /**
     * A cell to suppress so that the failing cell's range may widen: the smallest unsuppressed cell in a sum holding
     * the failing cell; when those sums are all suppressed, in the sums of the suppressed cells reached through them
     * (breadth first). -1 when no cell connected to the failing one is left.
     */
    private int widenFor(int failing) {
        boolean[] seen = new boolean[total];
        List<Integer> frontier = List.of(failing);
        seen[failing] = true;
        while (!frontier.isEmpty()) {
            int best = -1;
            List<Integer> next = new ArrayList<>();
            for (int s : frontier) {
                for (int[] line : auditLinesOf.get(s)) {
                    for (int c : line) {
                        boolean knownEarlier = prior != null && prior.known[c];
                        if (c >= n || knownEarlier) {
                            if (!knownEarlier && !seen[c]) { // hidden in an earlier release: reach on through it
                                seen[c] = true;
                                next.add(c);
                            }
                        } else if (status[c] != SUPPRESSED && c != failing) {
                            if (best < 0 || smaller(c, best)) {
                                best = c;
                            }
                        } else if (!seen[c]) {
                            seen[c] = true;
                            next.add(c);
                        }
                    }
                }
            }
            if (best >= 0) {
                return best;
            }
            frontier = next;
        }
        return -1;
    }

    /** What a reader knows of each hidden cell before any sum: 0 to its group size, or its coded range. */
    private long[][] knownBounds() {
        long[][] bounds = new long[n][];
        for (int i = 0; i < n; i++) {
            bounds[i] = boundsOf(i);
        }
        return bounds;
    }

    /** {@code {lower, upper}} a reader knows of cell i before any sum, or null when it is published. */
    private long @Nullable [] boundsOf(int i) {
        long coded = codedPercent[i] * group[i] / 100;
        return switch (status[i]) {
            case SUPPRESSED -> new long[] {0, group[i]};
            case BOTTOM -> new long[] {0, coded};
            case TOP -> new long[] {group[i] - coded, group[i]};
            default -> null;
        };
    }

    private long[][] audit() {
        boolean[] hidden = new boolean[n];
        long[] lo = new long[n];
        long[] hi = new long[n];
        long[][] bounds = knownBounds();
        for (int i = 0; i < n; i++) {
            hidden[i] = bounds[i] != null;
            if (hidden[i]) {
                lo[i] = bounds[i][0];
                hi[i] = bounds[i][1];
            }
        }
        if (prior == null) {
            return ExactAudit.ranges(lines, hidden, count, lo, hi, budget);
        }
        boolean[] jointHidden = new boolean[total];
        long[] value = new long[total];
        long[] jointLo = new long[total];
        long[] jointHi = new long[total];
        for (int i = 0; i < total; i++) {
            boolean hiddenNow = i >= n || hidden[i];
            jointHidden[i] = hiddenNow && !prior.known[i];
            value[i] = prior.known[i] ? prior.knownValue[i] : i < n ? count[i] : 0;
            if (jointHidden[i]) {
                jointLo[i] = Math.max(i < n ? lo[i] : 0, prior.lo[i]);
                jointHi[i] = Math.min(i < n ? hi[i] : Long.MAX_VALUE, prior.hi[i]);
            }
        }
        long[][] ranges;
        try {
            ranges = ExactAudit.ranges(auditLines, jointHidden, value, jointLo, jointHi, budget);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("the table and the earlier releases of its measure admit no common "
                    + "completion; a revised figure needs its own measure name");
        }
        for (int i = 0; i < n; i++) {
            if (hidden[i] && prior.known[i]) {
                ranges[i] = new long[] {prior.knownValue[i], prior.knownValue[i]};
            }
        }
        return ranges;
    }

    private ProtectedTable result(long[][] ranges, List<String> refusals) {
        Markers markers = rules.markers();
        List<ProtectedCell> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Cell cell = table.cells().get(i);
            Optional<AuditedRange> range = ranges[i] == null ? Optional.empty()
                    : Optional.of(new AuditedRange(ranges[i][0], ranges[i][1]));
            out.add(switch (status[i]) {
                case PUBLISHED -> new ProtectedCell(cell.key(), CellStatus.PUBLISHED, Optional.empty(),
                        Optional.of(count[i]), Optional.of(group[i]), cell.rate(), Optional.empty(), Optional.empty());
                case SUPPRESSED -> new ProtectedCell(cell.key(), CellStatus.SUPPRESSED, Optional.of(reason[i]),
                        Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(reason[i] == SuppressionReason.PRIMARY_SMALL_GROUP ? markers.smallGroup() : markers.suppressed()),
                        range);
                case BOTTOM -> new ProtectedCell(cell.key(), CellStatus.BOTTOM_CODED, Optional.empty(), Optional.empty(),
                        Optional.of(group[i]), Optional.empty(), Optional.of(markers.bottom(codedPercent[i])), range);
                default -> new ProtectedCell(cell.key(), CellStatus.TOP_CODED, Optional.empty(), Optional.empty(),
                        Optional.of(group[i]), Optional.empty(), Optional.of(markers.top(codedPercent[i])), range);
            });
        }
        return new ProtectedTable(rules.name(), table.rows(), table.columns(), out,
                refusals.isEmpty() ? ProtectedTable.Status.RELEASED : ProtectedTable.Status.REFUSED, refusals);
    }
}
