package org.communityschools.privacy.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.StaffRole;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.internal.SharedValues;
import org.jspecify.annotations.Nullable;

/**
 * What every evaluation under one policy shares, computed once by the engine: each rule's fields and their
 * positions in the catalog (which is ordered by path), roles as bits, the obligations and overlay failures each field
 * of a rule brings, the catalog's positions and paths by category, the default-deny denials of each purpose, and the
 * rules' role and purpose lists as text. It also keeps what decisions made from it have in common, so that an
 * uncached decision builds few objects (issue 19): the record scopes with the grants made under them, the sorted
 * grant sets and the lists of denials, each keyed by value (grant sets by the identity of their shared grants) and
 * each forgotten whole past {@link #SHARED_LIMIT} entries. These are values equal to what an evaluation would
 * build; sharing them changes no decision. Thread-safe.
 */
final class PolicyIndex {
    final List<List<DataField>> ruleFields;
    /** The number of fields in the catalog. */
    final int fieldCount;
    final int[][] ruleIndices;
    final int[][] categoryIndices;
    final List<List<FieldPath>> categoryPaths;
    final Map<Rule, String> rolesText;
    final Map<Rule, String> purposesText;
    /** Per rule, its roles as bits by {@link StaffRole#ordinal()}: a requester holds none when the AND is 0. */
    final long[] ruleRoles;
    /**
     * Per rule and position in its field list, the obligations a grant of that field brings: the rule's masks of the
     * field, then its row restrictions of the field, in the rule's order (shared, immutable).
     */
    final Obligation[][][] ruleObligations;
    /**
     * Per permit rule and position in its field list, why the IDEA or NSLA overlay keeps the rule from granting that
     * field ({@link Evaluation}'s words), or null when it does not.
     */
    final @Nullable String[][] overlayFailures;
    /** Per rule, the explanation's line that the requester holds none of its roles. */
    final ExplanationLines.NoRole[] noRole;
    /** The categories, in enum order (one array, not a {@code values()} copy per decision). */
    static final DataCategory[] CATEGORIES = DataCategory.values();
    /** Per declared purpose, the default-deny reason and, by category, the denial of a whole category for it. */
    private final Map<Purpose, String> defaultDeny;
    private final Map<Purpose, Denial[]> wholeDefaultDenials;

    PolicyIndex(Policy policy) {
        List<DataField> catalog = policy.catalog().fields();
        fieldCount = catalog.size();
        this.catalog = catalog;
        Map<FieldPath, Integer> position = new HashMap<>();
        for (int i = 0; i < catalog.size(); i++) {
            position.put(catalog.get(i).path(), i);
        }
        List<List<DataField>> fields = new ArrayList<>();
        ruleIndices = new int[policy.rules().size()][];
        Map<Rule, String> roles = new java.util.IdentityHashMap<>();
        Map<Rule, String> purposes = new java.util.IdentityHashMap<>();
        ruleRoles = new long[policy.rules().size()];
        ruleObligations = new Obligation[policy.rules().size()][][];
        overlayFailures = new String[policy.rules().size()][];
        noRole = new ExplanationLines.NoRole[policy.rules().size()];
        for (int i = 0; i < policy.rules().size(); i++) {
            Rule r = policy.rules().get(i);
            List<DataField> of = policy.catalog().resolve(r.fields());
            fields.add(of);
            ruleIndices[i] = new int[of.size()];
            for (int j = 0; j < of.size(); j++) {
                ruleIndices[i][j] = position.get(of.get(j).path());
            }
            roles.put(r, String.valueOf(r.roles()));
            noRole[i] = new ExplanationLines.NoRole(r);
            for (StaffRole role : r.roles()) {
                ruleRoles[i] |= 1L << role.ordinal();
            }
            ruleObligations[i] = new Obligation[of.size()][];
            overlayFailures[i] = new String[of.size()];
            for (int j = 0; j < of.size(); j++) {
                ruleObligations[i][j] = obligationsOf(r, of.get(j).path());
                if (r.effect() == Effect.PERMIT && r.basis().isPresent() && !PolicyChecker.overlayAllows(r, of.get(j))) {
                    overlayFailures[i][j] = Evaluation.overlayFailure(r, of.get(j));
                }
            }
            purposes.put(r, String.valueOf(r.purposes()));
        }
        ruleFields = List.copyOf(fields);
        rolesText = roles;
        purposesText = purposes;
        DataCategory[] categories = DataCategory.values();
        categoryIndices = new int[categories.length][];
        List<List<FieldPath>> paths = new ArrayList<>();
        for (DataCategory c : categories) {
            List<Integer> at = new ArrayList<>();
            List<FieldPath> of = new ArrayList<>();
            for (int i = 0; i < catalog.size(); i++) {
                if (catalog.get(i).category() == c) {
                    at.add(i);
                    of.add(catalog.get(i).path());
                }
            }
            categoryIndices[c.ordinal()] = at.stream().mapToInt(Integer::intValue).toArray();
            paths.add(List.copyOf(of));
        }
        categoryPaths = List.copyOf(paths);
        Map<Purpose, String> deny = new HashMap<>();
        Map<Purpose, Denial[]> whole = new HashMap<>();
        for (Purpose p : policy.purposes().keySet()) {
            String reason = defaultDenyText(p);
            deny.put(p, reason);
            Denial[] byCategory = new Denial[categories.length];
            for (DataCategory c : categories) {
                if (!categoryPaths.get(c.ordinal()).isEmpty()) {
                    byCategory[c.ordinal()] = new Denial(c, categoryPaths.get(c.ordinal()), reason);
                }
            }
            whole.put(p, byCategory);
        }
        Map<Purpose, boolean[]> applies = new HashMap<>();
        for (Purpose p : policy.purposes().keySet()) {
            applies.put(p, appliesTo(policy.rules(), p));
        }
        appliesTo = Map.copyOf(applies);
        defaultDeny = Map.copyOf(deny);
        wholeDefaultDenials = Map.copyOf(whole);
    }

    static {
        if (StaffRole.values().length > 64) {
            throw new ExceptionInInitializerError("role bits hold at most 64 roles");
        }
    }

    /** The masks, then the row restrictions, of {@code r} that name {@code field}, in the rule's order. */
    private static Obligation[] obligationsOf(Rule r, FieldPath field) {
        List<Obligation> out = new ArrayList<>(0);
        for (Mask mask : r.masks()) {
            if (mask.field().equals(field)) {
                out.add(new Obligation.MaskField(mask.field(), mask.transform()));
            }
        }
        for (RowRestriction row : r.rows()) {
            if (row.field().equals(field)) {
                out.add(new Obligation.RestrictRows(row.field(), row.filter()));
            }
        }
        return out.toArray(new Obligation[0]);
    }

    private static String defaultDenyText(Purpose purpose) {
        return "no rule grants it to this requester for purpose '" + purpose + "' (default deny)";
    }

    /** The reason of a field no rule grants for {@code purpose}. */
    String defaultDeny(Purpose purpose) {
        String known = defaultDeny.get(purpose);
        return known != null ? known : defaultDenyText(purpose);
    }

    /**
     * The denial of every field of {@code category} for default deny under {@code purpose} (shared), or null when the
     * purpose is not declared or the category has no field.
     */
    @Nullable Denial wholeDefaultDenial(Purpose purpose, DataCategory category) {
        Denial[] known = wholeDefaultDenials.get(purpose);
        return known == null ? null : known[category.ordinal()];
    }

    /** Per declared purpose, whether each rule applies to it ({@link Rule#appliesTo}), by rule position. */
    private final Map<Purpose, boolean[]> appliesTo;

    /**
     * Whether each rule applies to {@code purpose} ({@link Rule#appliesTo}), by position; for a purpose the policy
     * does not declare, computed (an evaluation of one denies at once). The array must not be modified.
     */
    boolean[] rulesFor(Purpose purpose, List<Rule> rules) {
        boolean[] known = appliesTo.get(purpose);
        return known != null ? known : appliesTo(rules, purpose);
    }

    private static boolean[] appliesTo(List<Rule> rules, Purpose purpose) {
        boolean[] out = new boolean[rules.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rules.get(i).appliesTo(purpose);
        }
        return out;
    }

    /** Whether the requester, holding the roles {@code held} (bits by ordinal), holds one of rule {@code i}'s. */
    boolean holdsRoleOf(int i, long held) {
        return (ruleRoles[i] & held) != 0;
    }

    /** How many shared scopes, and sets of grants, the index keeps before it forgets them all and starts again. */
    static final int SHARED_LIMIT = 4096;

    /**
     * A record scope that decisions share, with the grants made under it, by the field's catalog position: a grant is
     * determined by its rule, its authority, its scope and its field, so decisions whose rule matched the same way
     * share the very same grant objects (filled as they are first needed; a race makes equal grants, one kept).
     */
    static final class SharedScope {
        final RecordScope scope;
        private final Grant[] grants;

        SharedScope(RecordScope scope, int fields) {
            this.scope = scope;
            this.grants = new Grant[fields];
        }

        /** The grant of the field at catalog position {@code k} under this scope, if made already. */
        @Nullable Grant grant(int k) {
            return grants[k];
        }

        /** Keeps {@code g}, the grant of the field at catalog position {@code k} under this scope. */
        void keep(int k, Grant g) {
            grants[k] = g;
        }
    }

    /** The key of a shared scope: the rule (by position), the authority and the scope's limits. */
    private record ScopeKey(int rule, Optional<AgreementId> agreement, Optional<ConsentId> consent,
                            List<RecordScope.Limit> limits) {}

    /** The key of a set of shared grants: the grants, compared by identity (shared grants are unique). */
    private static final class GrantsKey {
        private final Grant[] grants;
        private final int hash;

        GrantsKey(Grant[] grants) {
            this.grants = grants;
            int h = 1;
            for (Grant g : grants) {
                h = 31 * h + System.identityHashCode(g);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof GrantsKey k) || k.hash != hash || k.grants.length != grants.length) {
                return false;
            }
            for (int i = 0; i < grants.length; i++) {
                if (k.grants[i] != grants[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The reason of a granted field in a denials key: no reason (compared by identity). */
    static final String GRANTED = new String("granted");

    /** The key of a list of denials: the reason of each field by catalog position, {@link #GRANTED} when granted. */
    private static final class ReasonsKey {
        private final String[] why;
        private final int hash;

        ReasonsKey(String[] why) {
            this.why = why;
            this.hash = java.util.Arrays.hashCode(why);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof ReasonsKey k) || k.hash != hash) {
                return false;
            }
            for (int i = 0; i < why.length; i++) {
                // GRANTED only ever equals itself: it is never a reason's text
                String a = why[i];
                String b = k.why[i];
                if (a != b && (a == GRANTED || b == GRANTED || !a.equals(b))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final SharedValues<ReasonsKey, List<Denial>> denialLists = new SharedValues<>(SHARED_LIMIT);
    private final List<DataField> catalog;

    /**
     * The denials of the fields whose reasons are {@code why} (the array is kept; {@link #GRANTED} for a granted
     * field), under {@code purpose} whose default-deny reason is {@code defaultDeny}, shared by every decision with the
     * same reasons (at most {@link #SHARED_LIMIT} lists kept). A list is checked against {@code grants} when built: no
     * field is both granted and denied.
     */
    List<Denial> denials(String[] why, String defaultDeny, Purpose purpose, GrantSet grants) {
        ReasonsKey key = new ReasonsKey(why);
        List<Denial> known = denialLists.get(key);
        if (known == null) {
            known = DecisionAssembly.denials(this, catalog, why, defaultDeny, purpose);
            Decision.checkDisjoint(grants, known);
            known = denialLists.keep(key, known);
        }
        return known;
    }

    private final SharedValues<ScopeKey, SharedScope> sharedScopes = new SharedValues<>(SHARED_LIMIT);
    private final SharedValues<GrantsKey, GrantSet> grantSets = new SharedValues<>(SHARED_LIMIT);

    /**
     * The scope of rule {@code rule}'s grants under this authority with these limits, shared by every decision that
     * builds equal ones (at most {@link #SHARED_LIMIT} kept).
     */
    SharedScope sharedScope(int rule, Optional<AgreementId> agreement, Optional<ConsentId> consent,
                            List<RecordScope.Limit> limits) {
        ScopeKey key = new ScopeKey(rule, agreement, consent, limits);
        SharedScope known = sharedScopes.get(key);
        if (known == null) {
            known = sharedScopes.keep(key, new SharedScope(RecordScope.of(limits), fieldCount));
        }
        return known;
    }

    /**
     * The key of the scope of a relationship under an agreement: the rule, the date, the agreement's version (by
     * identity: a record of the district data, immutable, so that its identity determines the limits it imposes),
     * what the relationship's label says and its spans. Compared field by field, without the record methods'
     * reflection-built equality (this key is made and looked up on every decision under an agreement).
     */
    private static final class AgreementScopeKey {
        private final int rule;
        private final LocalDate date;
        private final DataSharingAgreement agreement;
        private final Object labelKey;
        private final List<RecordScope.Span> spans;
        private final int hash;

        AgreementScopeKey(int rule, LocalDate date, DataSharingAgreement agreement, Object labelKey,
                          List<RecordScope.Span> spans) {
            this.rule = rule;
            this.date = date;
            this.agreement = agreement;
            this.labelKey = labelKey;
            this.spans = spans;
            int h = 31 * rule + date.hashCode();
            h = 31 * h + System.identityHashCode(agreement);
            h = 31 * h + labelKey.hashCode();
            this.hash = 31 * h + spans.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AgreementScopeKey k && k.hash == hash && k.rule == rule && k.agreement == agreement
                    && k.date.equals(date) && k.labelKey.equals(labelKey) && k.spans.equals(spans);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final SharedValues<AgreementScopeKey, SharedScope> agreementScopes = new SharedValues<>(SHARED_LIMIT);

    /**
     * The shared scope of rule {@code rule}'s grants made on {@code date} through a relationship ({@code labelKey},
     * {@code spans}) under agreement version {@code agreement} and no consent: the same object as {@link #sharedScope}
     * returns for the limits {@code limits} builds (the agreement's and the relationship's, which these determine),
     * built only the first time.
     */
    SharedScope agreementScope(int rule, LocalDate date, DataSharingAgreement agreement, Object labelKey,
                               List<RecordScope.Span> spans, java.util.function.Supplier<List<RecordScope.Limit>> limits) {
        AgreementScopeKey key = new AgreementScopeKey(rule, date, agreement, labelKey, spans);
        SharedScope known = agreementScopes.get(key);
        if (known == null) {
            known = sharedScope(rule, Optional.of(agreement.id()), Optional.empty(), limits.get());
            known = agreementScopes.keep(key, known);
        }
        return known;
    }

    /** A key that compares a record of the district data by identity (immutable: its identity determines it). */
    private static final class Same {
        private final Object of;

        Same(Object of) {
            this.of = of;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.of == of;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(of);
        }
    }

    private final SharedValues<Same, String[]> fieldChecks = new SharedValues<>(SHARED_LIMIT);

    /**
     * Why agreement version {@code agreement} does not cover each field of the catalog, by catalog position ("" when
     * it lists the field or its category among its data elements), as {@link BasisCheck#whyNotField} says; made once
     * per version (at most {@link #SHARED_LIMIT} kept). The array must not be modified.
     */
    String[] fieldChecks(DataSharingAgreement agreement) {
        Same key = new Same(agreement);
        String[] known = fieldChecks.get(key);
        if (known == null) {
            known = new String[fieldCount];
            for (int k = 0; k < fieldCount; k++) {
                String why = BasisCheck.whyNotField(agreement, catalog.get(k));
                known[k] = why == null ? "" : why;
            }
            known = fieldChecks.keep(key, known);
        }
        return known;
    }

    /**
     * The key of the scope of a relationship alone: the rule, the date, what its label says and its spans (compared
     * field by field, with its hash computed once: made and looked up on every decision through a relationship).
     */
    private static final class RelationshipKey {
        private final int rule;
        private final LocalDate date;
        private final Object labelKey;
        private final List<RecordScope.Span> spans;
        private final int hash;

        RelationshipKey(int rule, LocalDate date, Object labelKey, List<RecordScope.Span> spans) {
            this.rule = rule;
            this.date = date;
            this.labelKey = labelKey;
            this.spans = spans;
            this.hash = ((31 * rule + date.hashCode()) * 31 + labelKey.hashCode()) * 31 + spans.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RelationshipKey k && k.hash == hash && k.rule == rule && k.date.equals(date)
                    && k.labelKey.equals(labelKey) && k.spans.equals(spans);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final SharedValues<RelationshipKey, SharedScope> relationshipScopes = new SharedValues<>(SHARED_LIMIT);

    /**
     * The shared scope of rule {@code rule}'s grants made on {@code date} through a relationship alone (no agreement,
     * no consent): the date's limit and the relationship's ({@code label}, {@code spans}), the same object as
     * {@link #sharedScope} returns for those limits; the label is built only the first time ({@code labelKey}, with the
     * rule, determines it).
     */
    SharedScope relationshipScope(int rule, LocalDate date, Object labelKey, List<RecordScope.Span> spans,
                                  java.util.function.Supplier<String> label) {
        RelationshipKey key = new RelationshipKey(rule, date, labelKey, spans);
        SharedScope known = relationshipScopes.get(key);
        if (known == null) {
            known = sharedScope(rule, Optional.empty(), Optional.empty(),
                    List.of(dateLimit(date), new RecordScope.Limit(label.get(), spans)));
            known = relationshipScopes.keep(key, known);
        }
        return known;
    }

    /**
     * The grants {@code grants} (shared grants, in catalog and rule order; the array is kept) sorted and by field, shared
     * by every decision with the same grants (at most {@link #SHARED_LIMIT} kept).
     */
    GrantSet grantSet(Grant[] grants) {
        if (grants.length == 0) {
            return GrantSet.EMPTY;
        }
        GrantsKey key = new GrantsKey(grants);
        GrantSet known = grantSets.get(key);
        if (known == null) {
            known = grantSets.keep(key, GrantSet.of(List.of(grants)));
        }
        return known;
    }

    /** The limit of a decision made on a date ({@link RecordScope#dateLimit}), kept for the last date asked. */
    private volatile RecordScope.@Nullable Limit dateLimit;

    /** The limit of decisions made on {@code date}: shared by the decisions of one day, built once per day. */
    RecordScope.Limit dateLimit(LocalDate date) {
        RecordScope.Limit known = dateLimit;
        if (known == null || !known.spans().get(0).last().equals(date)) {
            known = RecordScope.dateLimit(date);
            dateLimit = known;
        }
        return known;
    }

    /** The rule's roles as text, as {@code String.valueOf(r.roles())}. */
    String roles(Rule r) {
        String known = rolesText.get(r);
        return known != null ? known : String.valueOf(r.roles());
    }

    /** The rule's purposes as text, as {@code String.valueOf(r.purposes())}. */
    String purposes(Rule r) {
        String known = purposesText.get(r);
        return known != null ? known : String.valueOf(r.purposes());
    }
}
