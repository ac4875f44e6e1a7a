package org.communityschools.privacy.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One dimension of a {@link CountTable}: a tree of labels whose inner nodes are totals of their children, such as
 * "All students" over the subgroups, or a district over its schools, or a school over its grades. A flat dimension
 * is a total with its members; a single-node dimension is what a one-dimensional table uses for its other axis.
 * Labels are unique within a dimension; the order is the pre-order of the tree (a total before its members), which
 * is also the order of rows in the output and the last tie-breaker of complementary suppression.
 * Immutable and thread-safe.
 */
public final class Dimension {
    private final String name;
    private final List<String> labels;
    private final int[] parent;
    private final List<List<Integer>> children;
    /** Label to index, so that {@link #indexOf} is O(1) rather than a linear search per cell. */
    private final Map<String, Integer> index;

    private Dimension(String name, List<String> labels, int[] parent) {
        this.name = name;
        this.labels = List.copyOf(labels);
        Map<String, Integer> byLabel = new HashMap<>(labels.size() * 2);
        for (int i = labels.size() - 1; i >= 0; i--) {
            byLabel.put(labels.get(i), i);
        }
        this.index = byLabel;
        this.parent = parent;
        List<List<Integer>> kids = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            kids.add(new ArrayList<>());
        }
        for (int i = 1; i < labels.size(); i++) {
            kids.get(parent[i]).add(i);
        }
        this.children = kids.stream().map(List::copyOf).toList();
    }

    /**
     * {@return a dimension with one node, for the second axis of a one-dimensional table}
     *
     * @param name the dimension's name
     * @param label the node's label
     */
    public static Dimension single(String name, String label) {
        return builder(name, label).build();
    }

    /**
     * {@return a total and its members, such as {@code flat("Subgroup", "All students", List.of("Hispanic", "Black"))}}
     *
     * @param name the dimension's name
     * @param totalLabel the total's label
     * @param members the members' labels
     */
    public static Dimension flat(String name, String totalLabel, List<String> members) {
        Builder b = builder(name, totalLabel);
        Objects.requireNonNull(members, "members").forEach(m -> b.child(totalLabel, m));
        return b.build();
    }

    /**
     * {@return a builder for a hierarchy whose root (the grand total) has this label}
     *
     * @param name the dimension's name
     * @param rootLabel the grand total's label
     */
    public static Builder builder(String name, String rootLabel) {
        return new Builder(name, rootLabel);
    }

    /** {@return the dimension's name, such as {@code Subgroup} or {@code School}: the column header in the output} */
    public String name() {
        return name;
    }

    /** {@return the labels in pre-order: the root first, every total before its members} */
    public List<String> labels() {
        return labels;
    }

    /** {@return the number of nodes} */
    public int size() {
        return labels.size();
    }

    /**
     * {@return the index of a label in {@link #labels()}, or -1; constant time}
     *
     * @param label a label
     */
    public int indexOf(String label) {
        Integer i = index.get(label);
        return i == null ? -1 : i;
    }

    /**
     * {@return the indices of the members of the node at {@code index}; empty for a leaf}
     *
     * @param index a node's index
     */
    public List<Integer> childrenOf(int index) {
        return children.get(index);
    }

    /**
     * {@return the index of the parent of the node at {@code index}, or -1 for the root}
     *
     * @param index a node's index
     */
    public int parentOf(int index) {
        return parent[index];
    }

    /** Equal when the names, the labels and the tree are equal. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Dimension d && name.equals(d.name) && labels.equals(d.labels)
                && java.util.Arrays.equals(parent, d.parent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, labels, java.util.Arrays.hashCode(parent));
    }

    @Override
    public String toString() {
        return name + labels;
    }

    /** Builds a {@link Dimension}; every child names a parent added before it. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final List<String> inserted = new ArrayList<>();
        private final List<Integer> parents = new ArrayList<>();

        private Builder(String name, String rootLabel) {
            this.name = requireLabel(name, "name");
            inserted.add(requireLabel(rootLabel, "rootLabel"));
            parents.add(-1);
            index.put(rootLabel, 0);
        }

        /**
         * Adds {@code label} as a member of {@code parentLabel}.
         *
         * @param parentLabel the label of a node already added
         * @param label the new member's label
         * @return this builder
         */
        public Builder child(String parentLabel, String label) {
            Integer p = index.get(Objects.requireNonNull(parentLabel, "parentLabel"));
            if (p == null) {
                throw new IllegalArgumentException("parent must be added before its members, unknown parent '" + parentLabel + "'");
            }
            if (index.containsKey(requireLabel(label, "label"))) {
                throw new IllegalArgumentException("labels must be unique within a dimension, duplicate '" + label + "'");
            }
            index.put(label, inserted.size());
            inserted.add(label);
            parents.add(p);
            return this;
        }

        /**
         * The dimension, its nodes in pre-order (members in the order they were added). Linear in the labels: each
         * node's members are listed once and the tree is walked with an explicit stack, so a deep chain of totals
         * cannot overflow the call stack.
         *
         * @return the dimension
         */
        public Dimension build() {
            int size = inserted.size();
            int[] firstChild = new int[size];
            int[] nextSibling = new int[size];
            int[] lastChild = new int[size];
            java.util.Arrays.fill(firstChild, -1);
            java.util.Arrays.fill(nextSibling, -1);
            for (int i = 1; i < size; i++) {
                int p = parents.get(i);
                if (firstChild[p] < 0) {
                    firstChild[p] = i;
                } else {
                    nextSibling[lastChild[p]] = i;
                }
                lastChild[p] = i;
            }
            List<String> order = new ArrayList<>(size);
            int[] parent = new int[size];
            int[] newIndex = new int[size];
            int[] stack = new int[size];
            int top = 0;
            stack[top++] = 0;
            while (top > 0) {
                int node = stack[--top];
                int p = parents.get(node);
                newIndex[node] = order.size();
                parent[order.size()] = p < 0 ? -1 : newIndex[p];
                order.add(inserted.get(node));
                int from = top;
                for (int c = firstChild[node]; c >= 0; c = nextSibling[c]) {
                    stack[top++] = c;
                }
                for (int i = from, j = top - 1; i < j; i++, j--) { // first member on top of the stack
                    int t = stack[i];
                    stack[i] = stack[j];
                    stack[j] = t;
                }
            }
            return new Dimension(name, order, parent);
        }

        private static String requireLabel(String s, String what) {
            Objects.requireNonNull(s, what);
            if (s.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return s;
        }
    }
}
