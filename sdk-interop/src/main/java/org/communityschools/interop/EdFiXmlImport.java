package org.communityschools.interop;

import java.nio.file.Path;
import java.util.Objects;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.interop.internal.Importer;
import org.communityschools.interop.internal.ValidatedOutput;

/**
 * Imports Ed-Fi Data Standard 5.x XML interchange files (a folder of {@code *.xml} files, or one file) into a
 * {@link org.communityschools.core.data.DistrictData}: education organizations, sessions and calendar dates, students,
 * student–school associations, school attendance events, discipline, program associations (as time-bounded student
 * characteristics), staff and their assignments, interventions and their students. Descriptors map through a
 * {@link DescriptorMapping}; unknown ones are reported as {@code descriptor.unknown}, never guessed. The rules
 * (derived calendar, derived enrollments, ids, defaults) are in docs/interop-edfi.md.
 *
 * <pre>{@code
 * EdFiImportResult r = EdFiXmlImport.builder().build().read(Path.of("edfi-grand-bend"));
 * ChronicAbsence.calculate(r.data(), SchoolYear.of(2022), ChronicAbsenceDefinition.FEDERAL);
 * }</pre>
 *
 * <p>Files are parsed with the JDK's StAX parser, streaming one record at a time, with DTDs and external entities
 * refused (XXE). The model is built through {@code DistrictData.builder()}, so the directory's cross-record rules
 * apply. A strict import (the default) throws {@link DataValidationException} listing every violation when any error
 * is found; a lenient one leaves the offending records out and reports them. Immutable and thread-safe: one import
 * object may read many sources.
 */
public final class EdFiXmlImport {
    private final EdFiImportOptions.Settings settings;

    private EdFiXmlImport(Builder b) {
        this.settings = b.settings();
    }

    /** {@return a builder with the default mapping, no supplied calendar, a half day for Partial events, strict} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a folder of interchange files (every {@code *.xml}, in name order; unknown records such as descriptors are
     * skipped) or one file.
     *
     * @param source the folder or file
     * @return the data and the report
     * @throws DataValidationException when strict and any error was found, or when the imported records break the
     *                                 model's cross-record rules
     */
    public EdFiImportResult read(Path source) {
        return EdFiImportOptions.run(Importer.Format.XML, settings, source);
    }

    /**
     * The command line's {@code import edfi-xml SRC --out DIR}: a strict import with the defaults, written as a
     * district data directory that {@code validate} accepts.
     *
     * @param source the interchange folder or file
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

    /** Builds an {@link EdFiXmlImport}: descriptor mapping, supplied calendar, partial-absence default, strict or lenient. Not thread-safe. */
    public static final class Builder extends EdFiImportOptions<Builder> {
        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /** {@return the import} */
        public EdFiXmlImport build() {
            return new EdFiXmlImport(this);
        }
    }
}
