package org.communityschools.privacy.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Dimension.Builder#build()} orders the nodes in pre-order, each total before its members and members in the
 * order they were added, in linear time; the recursive scan it replaced (quadratic: for each node, every node added)
 * is kept here as the reference.
 */
class DimensionOrderProperties {
    /** The reference: visit a node, then every node whose parent it is, in the order they were added. */
    static List<String> referenceOrder(List<String> added, List<Integer> parents) {
        List<String> out = new ArrayList<>();
        visit(0, added, parents, out);
        return out;
    }

    private static void visit(int node, List<String> added, List<Integer> parents, List<String> out) {
        out.add(added.get(node));
        for (int i = 0; i < added.size(); i++) {
            if (parents.get(i) == node) {
                visit(i, added, parents, out);
            }
        }
    }

    /** A random tree: node i (i ≥ 1) picks a parent among the nodes added before it. */
    @Provide
    Arbitrary<List<Integer>> trees() {
        return Arbitraries.integers().between(0, 1_000_000).list().ofMaxSize(60).map(picks -> {
            List<Integer> parents = new ArrayList<>(List.of(-1));
            for (int i = 0; i < picks.size(); i++) {
                parents.add(picks.get(i) % (i + 1));
            }
            return parents;
        });
    }

    @Property
    void buildGivesThePreOrderOfTheReferenceWithEachParent(@ForAll("trees") List<Integer> parents) {
        List<String> added = new ArrayList<>();
        for (int i = 0; i < parents.size(); i++) {
            added.add("n" + i);
        }
        Dimension.Builder b = Dimension.builder("D", added.get(0));
        for (int i = 1; i < parents.size(); i++) {
            b.child(added.get(parents.get(i)), added.get(i));
        }
        Dimension d = b.build();

        assertThat(d.labels()).isEqualTo(referenceOrder(added, parents));
        for (int i = 1; i < parents.size(); i++) {
            assertThat(d.labels().get(d.parentOf(d.indexOf(added.get(i))))).isEqualTo(added.get(parents.get(i)));
        }
        assertThat(d.parentOf(0)).isEqualTo(-1);
    }

    @Test
    void aChainOfTwoHundredThousandTotalsIsBuiltWithoutOverflowingTheStack() {
        Dimension.Builder b = Dimension.builder("D", "n0");
        for (int i = 1; i < 200_000; i++) {
            b.child("n" + (i - 1), "n" + i);
        }
        Dimension d = b.build();

        assertThat(d.size()).isEqualTo(200_000);
        assertThat(d.labels().get(199_999)).isEqualTo("n199999");
        assertThat(d.parentOf(199_999)).isEqualTo(199_998);
        assertThat(d.childrenOf(0)).containsExactly(1);
    }
}
