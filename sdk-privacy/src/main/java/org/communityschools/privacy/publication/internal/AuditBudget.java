package org.communityschools.privacy.publication.internal;

/**
 * How much exact linear programming one protection may do before it is refused: a count of tableau entries updated by
 * simplex pivots (each pivot updates the whole dense tableau), and a cap on the hidden cells one linked group may hold
 * (the tableau's memory grows with its square). Deterministic: the same table spends the same amount on every
 * machine. A single sum (a flat table) is solved in closed form and spends nothing. Mutable, for one protection, not
 * thread-safe.
 */
final class AuditBudget {
    /**
     * Tableau entries a protection may update: about a minute of work on a loaded 2-core machine. The release of 10
     * subgroups × 100 schools in 5 districts (1,166 cells, docs/publication.md) spends about a sixth of it.
     */
    static final long DEFAULT_ENTRY_UPDATES = 4_000_000_000L;
    /** The most hidden cells one linked group may hold when it needs linear programming. */
    static final int MAX_LINKED_UNKNOWNS = 2_000;

    private final long limit;
    private long spent;

    private AuditBudget(long limit) {
        this.limit = limit;
    }

    /** The budget of one call of {@code TableProtector.protect}. */
    static AuditBudget forProtection() {
        return new AuditBudget(DEFAULT_ENTRY_UPDATES);
    }

    /** No limit on the work (the linked-group cap still holds): for the oracles of the tests. */
    static AuditBudget unlimited() {
        return new AuditBudget(Long.MAX_VALUE);
    }

    /** Checks the size of a linked group before its tableau is built. */
    void checkLinked(int unknowns) {
        if (unknowns > MAX_LINKED_UNKNOWNS) {
            throw new ExceededException("the exact audit would solve linear programs over " + unknowns + " hidden cells "
                    + "linked by the table's sums, more than the limit of " + MAX_LINKED_UNKNOWNS);
        }
    }

    /** Spends {@code entries} tableau updates; refuses the protection when the budget is gone. */
    void spend(long entries) {
        spent += entries;
        if (spent > limit) {
            throw new ExceededException("the exact audit needed more than " + limit + " simplex tableau updates, the "
                    + "limit of one release");
        }
    }

    /** The audit went over its budget: the release is refused with this reason, never published unaudited. */
    static final class ExceededException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ExceededException(String what) {
            super(what + " (a two-way table or hierarchy links its hidden cells, and the audit's time grows much faster "
                    + "than the cells); publish smaller tables, such as one per district or one per column, or one-way "
                    + "tables, whose audit is linear in the rows");
        }
    }
}
