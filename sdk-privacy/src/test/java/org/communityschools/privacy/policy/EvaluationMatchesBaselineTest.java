package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.privacy.DataField;

/**
 * The engine's indexed evaluation (catalog positions, reasons built once per rule, agreements checked once per school)
 * returns exactly the decision of the straightforward {@link BaselineEvaluation}, reasons and explanation included,
 * on random requests against the tiny city.
 */
class EvaluationMatchesBaselineTest {
    private static final DistrictData DATA = TinyCity.DATA;

    @Provide
    Arbitrary<EngineMatchesReferenceTest.Request> requests() {
        return new EngineMatchesReferenceTest().requests();
    }

    @Property(tries = 1000)
    void indexedEvaluationDecidesAndExplainsExactlyAsTheBaseline(@ForAll("requests") EngineMatchesReferenceTest.Request q) {
        Policy policy = EngineMatchesReferenceTest.POLICIES.get(q.policy());
        PolicyEngine engine = PolicyEngine.builder().policy(policy).districtData(DATA).zone(TinyCity.ZONE).build();
        Instant at = TinyCity.noon(q.date());
        Decision d = engine.decide(q.staff(), q.student(), q.purpose(), at);
        Decision baseline = new BaselineEvaluation(policy, DATA, ruleFields(policy),
                agreementsByRecipient(LocalDate.ofInstant(at, TinyCity.ZONE)), q.staff(),
                q.student(), q.purpose(), at, LocalDate.ofInstant(at, TinyCity.ZONE)).run();
        // since record scopes, a field may be granted by several rules (the baseline kept the first): the same fields
        // are permitted, the baseline's grant is among the engine's, and the denials are the same
        assertThat(d.permittedFields()).isEqualTo(baseline.permittedFields());
        for (Grant g : baseline.grants()) {
            assertThat(d.grantsOf(g.field())).extracting(x -> List.of(x.ruleId(), x.basis(), x.agreement(), x.consent()))
                    .contains(List.of(g.ruleId(), g.basis(), g.agreement(), g.consent()));
        }
        assertThat(d.denials()).containsExactlyElementsOf(baseline.denials());
        Statistics.label("an agreement check fails").collect(d.denials().stream().anyMatch(x -> x.reason().contains("agreement ")))
                .coverage(c -> c.check(true).percentage(p -> p > 0.5));
        Statistics.label("permits some field").collect(d.permitsAny()).coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    private static List<List<DataField>> ruleFields(Policy policy) {
        List<List<DataField>> out = new ArrayList<>();
        for (Rule r : policy.rules()) {
            out.add(policy.catalog().resolve(r.fields()));
        }
        return out;
    }

    /**
     * As the engine chooses them: of each agreement, the version with the latest version effective date not after
     * {@code date}, by recipient in agreement id order.
     */
    private static Map<OrganizationId, List<DataSharingAgreement>> agreementsByRecipient(LocalDate date) {
        Map<String, DataSharingAgreement> governing = new TreeMap<>();
        for (DataSharingAgreement a : DATA.agreements()) {
            if (!a.versionEffectiveDate().isAfter(date)) {
                governing.merge(a.id().value(), a, (x, y) -> y.versionEffectiveDate().isAfter(x.versionEffectiveDate()) ? y : x);
            }
        }
        Map<OrganizationId, List<DataSharingAgreement>> out = new HashMap<>();
        for (DataSharingAgreement a : governing.values()) {
            out.computeIfAbsent(a.recipientOrganizationId(), k -> new ArrayList<>()).add(a);
        }
        return out;
    }
}
