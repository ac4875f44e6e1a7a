package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;

/**
 * {@link Decision} and {@link Denial} normalize what they are given whatever its order (grants sorted by field,
 * denied fields sorted and distinct), whether or not the input was already in order, and refuse a field granted twice
 * or both granted and denied.
 */
class DecisionInvariantsTest {
    private static final List<FieldPath> PATHS = FieldCatalog.defaultCatalog().fields().stream().map(f -> f.path()).toList();
    private static final LocalDate DAY = LocalDate.of(2017, 10, 2);

    @Provide
    Arbitrary<List<FieldPath>> paths() {
        return Arbitraries.of(PATHS).list().ofMaxSize(40);
    }

    private static Grant grant(FieldPath p) {
        return new Grant(p, DataCategory.IDENTITY, LegalBasis.SCHOOL_OFFICIAL, "r", Optional.empty(), Optional.empty(),
                TestDecisions.everything());
    }

    private static Decision decision(List<Grant> grants, List<Denial> denials) {
        return new Decision(StaffId.of("S-1"), StudentId.of("ST-1"), Purpose.of("instruction"), Instant.EPOCH, DAY, "p", 1,
                grants, denials, List.of(), "test");
    }

    @Property(tries = 300)
    void aDenialListsItsFieldsSortedAndDistinctInWhateverOrderTheyCame(@ForAll("paths") List<FieldPath> fields) {
        List<FieldPath> some = fields.isEmpty() ? List.of(PATHS.get(0)) : fields;
        List<FieldPath> expected = List.copyOf(new TreeSet<>(some));
        assertThat(new Denial(DataCategory.IDENTITY, some, "why").fields()).isEqualTo(expected);
        assertThat(new Denial(DataCategory.IDENTITY, expected, "why").fields()).isEqualTo(expected);
    }

    @Property(tries = 300)
    void aDecisionListsItsGrantsSortedByFieldAndRefusesAFieldGrantedTwice(@ForAll("paths") List<FieldPath> fields) {
        List<Grant> grants = fields.stream().map(DecisionInvariantsTest::grant).toList();
        TreeSet<FieldPath> distinct = new TreeSet<>(fields);
        if (distinct.size() < fields.size()) {
            assertThatThrownBy(() -> decision(grants, List.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("granted at most once");
            return;
        }
        List<FieldPath> sorted = List.copyOf(distinct);
        assertThat(decision(grants, List.of()).grants()).extracting(Grant::field).containsExactlyElementsOf(sorted);
        List<Grant> inOrder = sorted.stream().map(DecisionInvariantsTest::grant).toList();
        assertThat(decision(inOrder, List.of())).isEqualTo(decision(grants, List.of()));
    }

    @Property(tries = 300)
    void aDecisionRefusesAFieldBothGrantedAndDenied(@ForAll("paths") List<FieldPath> fields) {
        List<FieldPath> granted = new ArrayList<>(new TreeSet<>(fields));
        if (granted.isEmpty()) {
            return;
        }
        FieldPath both = granted.get(granted.size() / 2);
        List<Grant> grants = granted.stream().map(DecisionInvariantsTest::grant).toList();
        assertThatThrownBy(() -> decision(grants, List.of(new Denial(DataCategory.IDENTITY, List.of(both), "why"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("either granted or denied");
    }
}
