package org.communityschools.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A default entry resolves the same in any namespace; a value outside the mapping is always unknown. */
class DescriptorMappingProperties {
    @Provide
    Arbitrary<String> namespaces() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12).map(s -> "uri://" + s + ".example.org");
    }

    @Property
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aDefaultEntryResolvesTheSameInAnyNamespace(@ForAll("namespaces") String namespace) {
        DescriptorMapping m = DescriptorMapping.defaults();
        m.entries().forEach((key, value) -> {
            Class type = value.<Class>map(e -> e.getDeclaringClass()).orElse(org.communityschools.core.model.StudentCharacteristicType.class);
            DescriptorMapping.Resolution r = m.resolve(namespace + "/" + key, type);
            if (value.isPresent()) {
                assertThat(r.value()).isEqualTo((Optional) value);
            } else {
                assertThat(r.outcome()).isIn(DescriptorMapping.Outcome.IGNORED);
            }
        });
    }

    @Property
    void aCodeValueOutsideTheMappingIsUnknown(@ForAll("namespaces") String namespace) {
        DescriptorMapping.Resolution<org.communityschools.core.model.AttendanceCategory> r = DescriptorMapping.defaults()
                .resolve(namespace + "/AttendanceEventCategoryDescriptor#Not a code " + namespace.length(),
                        org.communityschools.core.model.AttendanceCategory.class);
        assertThat(r.outcome()).isEqualTo(DescriptorMapping.Outcome.UNKNOWN);
        assertThat(r.value()).isEmpty();
    }

    @Provide
    Arbitrary<Enum<?>> constants() {
        return Arbitraries.of(java.util.stream.Stream.of(org.communityschools.core.model.AttendanceCategory.class,
                        org.communityschools.core.model.BehaviorType.class, org.communityschools.core.model.DisciplineActionType.class,
                        org.communityschools.core.model.ExitWithdrawType.class, org.communityschools.core.model.GradeLevel.class,
                        org.communityschools.core.model.SchoolType.class, org.communityschools.core.model.StudentCharacteristicType.class,
                        org.communityschools.core.model.StaffRole.class, org.communityschools.core.model.Sex.class,
                        org.communityschools.core.model.RaceEthnicity.class, org.communityschools.core.model.InterventionType.class)
                .<Enum<?>>flatMap(c -> java.util.Arrays.stream(c.getEnumConstants())).toList());
    }

    @Property
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theUriTheExportWritesResolvesBackToTheSameConstant(@ForAll("constants") Enum<?> constant) {
        DescriptorMapping m = DescriptorMapping.defaults();
        String uri = m.descriptorUri(constant);
        assertThat(uri).startsWith("uri://");
        DescriptorMapping.Resolution r = m.resolve(uri, (Class) constant.getDeclaringClass());
        assertThat(r.value()).contains(constant);
    }

    @Property
    void aConstantWithAnEdFiDefaultCodeIsWrittenInTheEdFiNamespace(@ForAll("constants") Enum<?> constant) {
        String uri = DescriptorMapping.defaults().descriptorUri(constant);
        boolean hasDefault = DescriptorMapping.defaults().entries().values().stream().anyMatch(v -> v.isPresent() && v.get() == constant);
        assertThat(uri).startsWith(hasDefault ? "uri://ed-fi.org/" : DescriptorMapping.NAMESPACE);
    }
}
