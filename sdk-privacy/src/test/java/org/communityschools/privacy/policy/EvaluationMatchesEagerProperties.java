package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.communityschools.core.data.DistrictData;

/**
 * The engine's evaluation, with its explanation and relationship words rendered only when read and the district facts
 * read once per decision (issue 19), returns a decision equal to the frozen {@link EagerEvaluation}'s: the same grants
 * with the same record scopes (limits, spans and labels), the same denials and reasons, the same obligations and the
 * same explanation, on random requests against the tiny city under the default and the variety policies. This is
 * the one frozen copy of an earlier evaluation kept as an oracle: the older, looser {@code BaselineEvaluation} (same
 * permitted fields and denials, written before record scopes) was folded into it, its requests being these and its
 * checks a subset of these; {@link EngineMatchesReferenceTest} keeps an independently written reference.
 */
class EvaluationMatchesEagerProperties {
    private static final DistrictData DATA = TinyCity.DATA;

    @Provide
    Arbitrary<EngineMatchesReferenceTest.Request> requests() {
        return new EngineMatchesReferenceTest().requests();
    }

    @Property(tries = 2000)
    void lazyEvaluationEqualsTheEagerOne(@ForAll("requests") EngineMatchesReferenceTest.Request q) {
        Policy policy = EngineMatchesReferenceTest.POLICIES.get(q.policy());
        PolicyEngine engine = PolicyEngine.builder().policy(policy).districtData(DATA).zone(TinyCity.ZONE).build();
        Instant at = TinyCity.noon(q.date());
        LocalDate date = LocalDate.ofInstant(at, TinyCity.ZONE);
        Decision lazy = engine.decide(q.staff(), q.student(), q.purpose(), at);
        Decision eager;
        try {
            eager = new EagerEvaluation(policy, DATA, new PolicyIndex(policy), q.staff(), q.student(), q.purpose(), at,
                    date).run();
        } catch (RuntimeException e) {
            eager = DecisionAssembly.denyAll(policy, q.staff(), q.student(), q.purpose(), at, date,
                    "an error occurred while evaluating (" + e.getClass().getSimpleName() + "); any error denies");
        }
        assertThat(lazy.grants()).isEqualTo(eager.grants());
        assertThat(lazy.denials()).isEqualTo(eager.denials());
        assertThat(lazy.obligations()).isEqualTo(eager.obligations());
        assertThat(lazy.explanation()).isEqualTo(eager.explanation());
        assertThat(lazy).isEqualTo(eager);
        for (Grant g : lazy.grants()) {
            assertThat(g.scope().toString()).isEqualTo(eager.grantsOf(g.field()).stream()
                    .filter(e -> e.ruleId().equals(g.ruleId())).findFirst().orElseThrow().scope().toString());
        }
        Statistics.label("permits some field").collect(lazy.permitsAny()).coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("an agreement check fails").collect(lazy.denials().stream()
                .anyMatch(x -> x.reason().contains("agreement "))).coverage(c -> c.check(true).percentage(p -> p > 0.5));
        Statistics.label("a grant under an agreement or consent").collect(lazy.grants().stream()
                .anyMatch(g -> g.agreement().isPresent() || g.consent().isPresent()));
    }
}
