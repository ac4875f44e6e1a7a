package org.communityschools.interop;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.interop.internal.JsonExporter;

/**
 * Writes a {@link DistrictData} as Ed-Fi ODS/API resources (Data Standard 5.x): one JSON array file per resource
 * ({@code schools.json}, {@code students.json}, {@code studentSchoolAttendanceEvents.json}, ...), with the property
 * names of the Ed-Fi API resource model and descriptor values from {@link DescriptorMapping#descriptorUri(Enum)}, so
 * that {@link EdFiJsonImport} reads the same data back for every resource both sides have. The resources, the fields
 * and what does not survive the trip (partnerships, diplomas, course marks, consents, agreements, student–staff
 * relationships, participation periods, ...) are listed in docs/interop-edfi.md.
 *
 * <pre>{@code
 * Map<String, Long> files = EdFiJsonExport.builder().build().write(data, Path.of("edfi-json"));
 * }</pre>
 *
 * <p>Each file is streamed with Jackson's generator. The output contains personal data (names, birth dates): write it
 * only where a data-sharing agreement allows (FERPA, 34 CFR 99.31). Immutable and thread-safe.
 */
public final class EdFiJsonExport {
    private final DescriptorMapping mapping;

    private EdFiJsonExport(Builder b) {
        this.mapping = b.mapping;
    }

    /** {@return a builder with the default descriptor mapping} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the resource files into {@code dir} (created when missing; files of the same names are replaced).
     *
     * @param data the data
     * @param dir  the folder
     * @return resource file name ({@code students.json}) → records written
     */
    public Map<String, Long> write(DistrictData data, Path dir) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(dir, "dir");
        return new JsonExporter(mapping, data).writeTo(dir);
    }

    /**
     * The command line's {@code export edfi-json --data DIR --out DIR}: reads a district data directory (strict) and
     * writes it with the defaults.
     *
     * @param dataDir the district data directory
     * @param out     the folder to write
     * @return resource file name → records written
     * @throws DataValidationException when the directory breaks the rules; nothing is written then
     */
    public static Map<String, Long> exportDirectory(Path dataDir, Path out) {
        Objects.requireNonNull(dataDir, "dataDir");
        DistrictData data = DistrictDataReader.builder().withoutBeanValidation().build().read(dataDir).data();
        return builder().build().write(data, out);
    }

    /** Builds an {@link EdFiJsonExport}. Not thread-safe. */
    public static final class Builder {
        private DescriptorMapping mapping = DescriptorMapping.defaults();

        private Builder() {}

        /**
         * The descriptor mapping whose {@code descriptorUri} names each constant; the defaults unless set.
         *
         * @param mapping the descriptor mapping whose {@code descriptorUri} names each constant
         * @return this builder
         */
        public Builder descriptorMapping(DescriptorMapping mapping) {
            this.mapping = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /** {@return the export} */
        public EdFiJsonExport build() {
            return new EdFiJsonExport(this);
        }
    }
}
