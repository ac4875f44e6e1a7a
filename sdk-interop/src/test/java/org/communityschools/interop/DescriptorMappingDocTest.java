package org.communityschools.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/interop-edfi.md lists every default descriptor mapping, so that the documented table cannot drift. */
class DescriptorMappingDocTest {
    @Test
    void theDocumentedTableListsEveryDefaultEntry() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "interop-edfi.md"));
        DescriptorMapping.defaults().entries().forEach((key, value) -> {
            String name = key.substring(0, key.indexOf('#'));
            String code = key.substring(key.indexOf('#') + 1);
            String target = value.map(e -> "`" + e.getDeclaringClass().getSimpleName() + "." + e.name() + "`").orElse("*ignored*");
            assertThat(doc).contains("### " + name).contains("| " + code + " | " + target + " |");
        });
    }

    @Test
    void aKeyMustBeNameHashCodeOrAFullUri() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DescriptorMapping.builder().ignore("Tardy"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DescriptorMapping.builder().ignore("X#Y").build().entries()).containsKey("X#Y");
    }
}
