package org.communityschools.privacy.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.communityschools.core.model.DataCategory;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldPath;
import org.jspecify.annotations.Nullable;

/**
 * What every evaluation under one policy shares, computed once by the engine: each rule's fields and their
 * positions in the catalog (which is ordered by path), the catalog's positions and paths by category, and the
 * rules' role and purpose lists as text. Immutable and thread-safe.
 */
final class PolicyIndex {
    final List<List<DataField>> ruleFields;
    final int[][] ruleIndices;
    final int[][] categoryIndices;
    final List<List<FieldPath>> categoryPaths;
    final Map<Rule, String> rolesText;
    final Map<Rule, String> purposesText;

    PolicyIndex(Policy policy) {
        List<DataField> catalog = policy.catalog().fields();
        Map<FieldPath, Integer> position = new HashMap<>();
        for (int i = 0; i < catalog.size(); i++) {
            position.put(catalog.get(i).path(), i);
        }
        List<List<DataField>> fields = new ArrayList<>();
        ruleIndices = new int[policy.rules().size()][];
        Map<Rule, String> roles = new java.util.IdentityHashMap<>();
        Map<Rule, String> purposes = new java.util.IdentityHashMap<>();
        for (int i = 0; i < policy.rules().size(); i++) {
            Rule r = policy.rules().get(i);
            List<DataField> of = policy.catalog().resolve(r.fields());
            fields.add(of);
            ruleIndices[i] = new int[of.size()];
            for (int j = 0; j < of.size(); j++) {
                ruleIndices[i][j] = position.get(of.get(j).path());
            }
            roles.put(r, String.valueOf(r.roles()));
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
