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
}
