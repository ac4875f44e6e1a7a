package org.communityschools.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.model.SchoolId;
import org.communityschools.privacy.DataField;

/**
 * The engine shares record scopes, grants and their sorted sets between decisions ({@link PolicyIndex#sharedScope},
 * {@link PolicyIndex#grantSet}, {@link GrantSet}): a decision made by an engine that has already decided many others
 * is equal, explanation included, to the one a new engine makes, and what a record view asks of it per call
 * (permitted fields and categories, a field's grants and first grant) is what its grant list says.
 */
class SharedGrantsProperties {
    @Provide
    Arbitrary<List<EngineMatchesReferenceTest.Request>> requestLists() {
        return new EngineMatchesReferenceTest().requests().list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 200)
    void aWarmEngineDecidesAsANewOne(@ForAll("requestLists") List<EngineMatchesReferenceTest.Request> requests) {
        List<PolicyEngine> warm = new ArrayList<>();
        for (Policy p : EngineMatchesReferenceTest.POLICIES) {
            warm.add(PolicyEngine.builder().policy(p).districtData(TinyCity.DATA).zone(TinyCity.ZONE).build());
        }
        for (EngineMatchesReferenceTest.Request q : requests) {
            Policy policy = EngineMatchesReferenceTest.POLICIES.get(q.policy());
            Instant at = TinyCity.noon(q.date());
            Decision shared = warm.get(q.policy()).decide(q.staff(), q.student(), q.purpose(), at);
            Decision fresh = PolicyEngine.builder().policy(policy).districtData(TinyCity.DATA).zone(TinyCity.ZONE).build()
                    .decide(q.staff(), q.student(), q.purpose(), at);
            assertThat(shared.grants()).isEqualTo(fresh.grants());
            assertThat(shared.denials()).isEqualTo(fresh.denials());
            assertThat(shared.obligations()).isEqualTo(fresh.obligations());
            assertThat(shared.explanation()).isEqualTo(fresh.explanation());
            assertThat(shared).isEqualTo(fresh);
            // what a view asks, against the grant list
            TreeSet<org.communityschools.privacy.FieldPath> permitted = new TreeSet<>();
            shared.grants().forEach(g -> permitted.add(g.field()));
            assertThat(shared.permittedFields()).isEqualTo(permitted).containsExactlyElementsOf(permitted);
            assertThat(shared.permittedFields()).isSameAs(shared.permittedFields());
            java.util.Set<org.communityschools.core.model.DataCategory> categories =
                    java.util.EnumSet.noneOf(org.communityschools.core.model.DataCategory.class);
            shared.grants().forEach(g -> categories.add(g.category()));
            assertThat(shared.permittedCategories()).isEqualTo(categories).containsExactlyElementsOf(categories);
            for (DataField f : policy.catalog().fields()) {
                List<Grant> of = shared.grants().stream().filter(g -> g.field().equals(f.path())).toList();
                assertThat(shared.grantsOf(f.path())).isEqualTo(of);
                assertThat(shared.permits(f.path())).isEqualTo(!of.isEmpty());
                assertThat(shared.permittedFields().contains(f.path())).isEqualTo(!of.isEmpty());
                assertThat(shared.grant(f.path())).isEqualTo(of.stream().findFirst());
            }
        }
    }

    @Example
    void theSharedScopesAreForgottenPastTheirLimitAndStillRight() {
        PolicyIndex index = new PolicyIndex(Policies.defaultPolicy());
        LocalDate day = LocalDate.of(2018, 3, 1);
        for (int i = 0; i < PolicyIndex.SHARED_LIMIT + 10; i++) {
            LocalDate from = day.minusDays(i);
            List<RecordScope.Limit> limits = List.of(index.dateLimit(day), new RecordScope.Limit("the window " + i,
                    List.of(new RecordScope.Span(Optional.of(new SchoolId("SCH0001")), from, day))));
            PolicyIndex.SharedScope s = index.sharedScope(0, Optional.empty(), Optional.empty(), limits);
            assertThat(s.scope).isEqualTo(RecordScope.of(limits));
            assertThat(index.sharedScope(0, Optional.empty(), Optional.empty(), new ArrayList<>(limits))).isSameAs(s);
        }
    }

    @Provide
    Arbitrary<java.util.Set<String>> dataElements() {
        List<String> names = new ArrayList<>();
        Policies.defaultPolicy().catalog().fields().forEach(f -> names.add(f.path().value()));
        for (org.communityschools.core.model.DataCategory c : org.communityschools.core.model.DataCategory.values()) {
            names.add(c.name());
        }
        return net.jqwik.api.Arbitraries.of(names).set().ofMinSize(1).ofMaxSize(12);
    }

    /**
     * The index's field checks of an agreement version (made once per version, kept by its identity) say of each field
     * what the agreement says: covered exactly when it lists the field's path or its category, else why not.
     */
    @Property(tries = 200)
    void anAgreementsFieldChecksAreWhatItsDataElementsSay(@ForAll("dataElements") java.util.Set<String> elements) {
        Policy policy = Policies.defaultPolicy();
        PolicyIndex index = new PolicyIndex(policy);
        org.communityschools.core.model.DataSharingAgreement a = withElements(elements);
        String[] checks = index.fieldChecks(a);
        List<DataField> catalog = policy.catalog().fields();
        assertThat(checks).hasSize(catalog.size());
        for (int k = 0; k < catalog.size(); k++) {
            DataField f = catalog.get(k);
            boolean covered = elements.contains(f.path().value()) || elements.contains(f.category().name());
            assertThat(checks[k]).isEqualTo(covered ? "" : "agreement " + a.id() + " v" + a.version()
                    + " lists neither the field nor its category " + f.category() + " among its data elements");
        }
        assertThat(index.fieldChecks(a)).isSameAs(checks);
        // an equal version that is another record is checked again, to the same effect
        assertThat(index.fieldChecks(withElements(elements))).isEqualTo(checks);
    }

    private static org.communityschools.core.model.DataSharingAgreement withElements(java.util.Set<String> elements) {
        org.communityschools.core.model.DataSharingAgreement t = TinyCity.DATA.agreements().get(0);
        return new org.communityschools.core.model.DataSharingAgreement(t.id(), t.version(), t.status(),
                t.disclosingOrganizationId(), t.recipientOrganizationId(), t.legalBasis(), t.purpose(), t.schoolIds(),
                t.schoolYears(), elements, t.permittedRoles(), t.effectiveDate(), t.endDate(), t.signedDate(),
                t.signatories(), t.destructionDays(), t.redisclosureAllowed(), t.versionEffectiveDate());
    }

    @Example
    void theAgreementScopesAreForgottenPastTheirLimitAndStillRight() {
        PolicyIndex index = new PolicyIndex(Policies.defaultPolicy());
        LocalDate day = LocalDate.of(2018, 3, 1);
        org.communityschools.core.model.DataSharingAgreement a = TinyCity.DATA.agreements().get(0);
        for (int i = 0; i < PolicyIndex.SHARED_LIMIT + 10; i++) {
            List<RecordScope.Span> spans = List.of(new RecordScope.Span(Optional.of(new SchoolId("SCH0001")),
                    day.minusDays(i), day));
            List<RecordScope.Limit> limits = new ArrayList<>(RecordScope.agreementLimits(a, day));
            limits.add(new RecordScope.Limit("the window " + i, spans));
            PolicyIndex.SharedScope s = index.agreementScope(0, day, a, "window " + i, spans, () -> limits);
            assertThat(s.scope).isEqualTo(RecordScope.of(limits));
            assertThat(index.agreementScope(0, day, a, "window " + i, new ArrayList<>(spans), () -> {
                throw new AssertionError("the limits of a scope kept are not built again");
            })).isSameAs(s);
            assertThat(index.sharedScope(0, Optional.of(a.id()), Optional.empty(), limits)).isSameAs(s);
        }
    }
}
