package org.communityschools.interop;

import java.nio.file.Path;
import java.util.Objects;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.interop.internal.Importer;
import org.communityschools.interop.internal.ValidatedOutput;

/**
 * Imports Ed-Fi ODS/API resources (Data Standard 5.x) saved as JSON: a folder holding one file per resource, each the
 * JSON array the API returns for it ({@code students.json}, {@code schools.json}, {@code studentSchoolAttendanceEvents.json},
 * {@code studentSpecialEducationProgramAssociations.json}, ...; property names as in the Ed-Fi API resource model),
 * into a {@link org.communityschools.core.data.DistrictData}. It reads the same records as {@link EdFiXmlImport} with the
 * same rules (descriptor mapping, derived calendar and enrollments, violation codes): one importer maps both formats,
 * see docs/interop-edfi.md for the resources and their fields.
 *
 * <pre>{@code
 * EdFiImportResult r = EdFiJsonImport.builder().build().read(Path.of("edfi-api-export"));
 * }</pre>
 *
 * <p>Files are parsed with Jackson's streaming parser, one record at a time; resource files the import does not use
 * are not parsed. A violation names the file, the line and column of the property, its JSON pointer
 * ({@code /12/studentReference/studentUniqueId}: record 12 of the array) as its field, the value (never personal data)
 * and the rule. Strict (the default) throws {@link DataValidationException} with every violation; lenient leaves the
 * offending records out and reports them. Immutable and thread-safe: one import object may read many sources.
 */
public final class EdFiJsonImport {
    private final EdFiImportOptions.Settings settings;

    private EdFiJsonImport(Builder b) {
        this.settings = b.settings();
    }

    /** {@return a builder with the default mapping, no supplied calendar, a half day for Partial events, strict} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a folder of resource files (every {@code *.json}, in name order; resources the import does not use are
     * skipped) or one file.
     *
     * @param source the folder or file
     * @return the data and the report ({@link EdFiImportResult#recordsRead(String)} counts by Ed-Fi record name, such
     *         as {@code Student})
     * @throws DataValidationException when strict and any error was found, or when the imported records break the
     *                                 model's cross-record rules
     */
    public EdFiImportResult read(Path source) {
        return EdFiImportOptions.run(Importer.Format.JSON, settings, source);
    }

    /**
     * The command line's {@code import edfi-json SRC --out DIR}: a strict import with the defaults, written as a
     * district data directory that {@code validate} accepts.
     *
     * @param source the resource folder or file
     * @param out    the directory to write (must not already hold data-directory files)
     * @return the import's result (its warnings are worth printing)
     * @throws DataValidationException when the source has errors, holds nothing to import, or gives data that the
     *                                 directory reader would refuse (it is read back before it is moved into
     *                                 {@code out}); nothing is written then
     */
    public static EdFiImportResult importToDirectory(Path source, Path out) {
        Objects.requireNonNull(out, "out");
        EdFiImportResult r = builder().build().read(source);
        ValidatedOutput.write(r.data(), out);
        return r;
    }

    /** Builds an {@link EdFiJsonImport}: descriptor mapping, supplied calendar, partial-absence default, strict or lenient. Not thread-safe. */
    public static final class Builder extends EdFiImportOptions<Builder> {
        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /** {@return the import} */
        public EdFiJsonImport build() {
            return new EdFiJsonImport(this);
        }
    }
}
