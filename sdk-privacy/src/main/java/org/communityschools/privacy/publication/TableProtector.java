package org.communityschools.privacy.publication;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.communityschools.privacy.publication.internal.SuppressionEngine;

/**
 * The entry point: protects a {@link CountTable} under {@link SuppressionRules} (NCES 2011-603).
 * <ol>
 *   <li><b>Primary suppression</b>: every cell whose group is below {@code n} ({@link SuppressionReason#PRIMARY_SMALL_GROUP}),
 *       else whose count or group size minus count is below {@code k} ({@link SuppressionReason#PRIMARY_SMALL_COUNT}).</li>
 *   <li><b>Rate coding</b> when the rules have it: visible cells with an extreme rate are top or bottom coded.</li>
 *   <li><b>Complementary suppression</b> to a fixed point: while some sum (a row, column or hierarchy total with its
 *       members) holds exactly one hidden cell, or hidden cells that are all 0 or all equal to their group size,
 *       suppress the smallest visible cell of that sum. Sums are examined in table order, row sums before column
 *       sums; "smallest" follows the rules' {@link ComplementaryOrder} (smallest count then smallest group
 *       by default, smallest group first for NYSED), then table order.</li>
 *   <li><b>Audit</b>: for every hidden cell, the exact range of integer values consistent with every published cell,
 *       every sum, the coded ranges, non-negativity and the group sizes (which the audit assumes a reader knows, the
 *       cautious assumption). Computed by an exact rational simplex with branch and bound. A range narrower than the
 *       rules' width (capped at the group size) makes the engine suppress the smallest visible cell sharing a sum
 *       with that cell and audit again; when no such cell is left, or when the rules say not to widen
 *       ({@link SuppressionRules#widenUntilProtected()}), the table is {@link ProtectedTable.Status#REFUSED}.</li>
 * </ol>
 * Suppression only ever grows, so the process ends. <b>Bounded</b>: a flat table (one sum, a total and its members)
 * is audited in closed form, in time linear in its rows (a million rows in seconds); any other audit is linear
 * programming, whose time grows much faster than the table, so a protection may update at most 4·10⁹ simplex tableau
 * entries (about a minute on a loaded 2-core machine; a release of 1,166 cells spends a sixth of it) over at most
 * 2,000 linked hidden cells, and beyond either limit the table is {@link ProtectedTable.Status#REFUSED} with that
 * reason and the hint to publish smaller or one-way tables. Deterministic: the limits count work, not time. Nothing is imputed, rounded or filled from another
 * source. With a {@link ReleaseLedger}, the audit covers the table together with every earlier release of the same
 * measure ({@link #protect(CountTable, SuppressionRules, ReleaseLedger, String)}), so that differencing between
 * releases is caught. Stateless and thread-safe.
 */
public final class TableProtector {
    private TableProtector() {
    }

    /**
     * Protects {@code table} under {@code rules}; check {@link ProtectedTable#status()} or call {@link
     * ProtectedTable#orThrow()}.
     *
     * @param table the table of counts
     * @param rules the suppression rules
     * @return the protected table, or the reason the release is refused
     */
    public static ProtectedTable protect(CountTable table, SuppressionRules rules) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rules, "rules");
        return SuppressionEngine.protect(table, rules);
    }

    /**
     * Protects {@code table}, a table of {@code measure}, auditing it together with every release of the same measure
     * in {@code ledger} (NCES 2011-603: repeated releases must be audited together). A cell that an earlier
     * release published is known to every reader: if the rules need it hidden now, the table is refused. A cell that
     * this table and an earlier table hold in common (same measure, same dimensions and labels, see {@link Release})
     * is one unknown; the audit requires every hidden cell of the table, and every hidden cell of the earlier
     * releases, to keep a range as wide as the rules require (for an earlier cell, as wide as it was, up to the rules'
     * width), and suppresses further cells of the new table until it does, or refuses. Record the result with
     * {@link Release#of} and {@link ReleaseLedger#with} once it is published.
     *
     * @param table the table of counts
     * @param rules the suppression rules
     * @param ledger the earlier releases
     * @param measure what the table counts, naming the releases to audit with
     * @return the protected table, or the reason the release is refused
     * @throws IllegalArgumentException when the table contradicts what an earlier release of the measure published
     *                                  (a revised figure needs its own measure name)
     */
    public static ProtectedTable protect(CountTable table, SuppressionRules rules, ReleaseLedger ledger, String measure) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(measure, "measure");
        return SuppressionEngine.protect(table, rules, measure, ledger.releases());
    }

    /**
     * Protects tables of one population released together, as one: {@code table} is their joint table (for two
     * groupings, the rows one grouping and the columns the other, each with its total; the interior is their
     * cross-classification), and only the cells in {@code released} are published (such as the row totals, the
     * by-school table, and the column totals, the by-community-school table). The other cells are <b>not released</b>
     * ({@link SuppressionReason#NOT_RELEASED}): the audit treats them as unknowns between 0 and their group size, so
     * that every sum they tie together (a group is the sum of its units, both tables have one total) is used against
     * the released cells, but they are not protected themselves, unless an earlier release in {@code ledger} hid them
     * (then they must stay as wide as it left them). A table released alone earlier is linked to the joint table by
     * its cells' coordinates ({@link Release}): a cell at the total of one of the joint table's dimensions is the same
     * number as the cell of a table without that dimension. Record the result with {@link Release#of}.
     *
     * @param table the joint table
     * @param rules the suppression rules
     * @param released the cells of the joint table that are published
     * @param ledger the earlier releases
     * @param measure what the tables count
     * @return the protected joint table, or the reason the release is refused
     * @throws IllegalArgumentException when {@code released} is empty or names a cell not in the table, or when the
     *                                  table contradicts an earlier release of the measure
     */
    public static ProtectedTable protectTogether(CountTable table, Set<CellKey> released, SuppressionRules rules,
                                                 ReleaseLedger ledger, String measure) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(measure, "measure");
        return SuppressionEngine.protectTogether(table, Set.copyOf(released), rules, measure, ledger.releases());
    }

    /**
     * The audit alone, for a suppression pattern chosen elsewhere: the exact range of values of each cell in
     * {@code suppressed} when exactly those cells are withheld (each known to lie between 0 and its group size) and
     * every other cell of the table is published, except the cells {@linkplain CountTable#withheld() withheld in the
     * input}, which are always hidden (and reported too). A width of 0 means the cell can be recovered. The map follows
     * table order.
     *
     * @param table the table of counts
     * @param suppressed the cells withheld
     * @return the audited range of each withheld cell
     * @throws IllegalArgumentException when a key is not a cell of the table, or when the audit goes over the limits
     *                                  of {@link #protect(CountTable, SuppressionRules)}
     */
    public static Map<CellKey, AuditedRange> audit(CountTable table, Set<CellKey> suppressed) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(suppressed, "suppressed");
        return SuppressionEngine.audit(table, suppressed);
    }
}
