package org.communityschools.interop;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictDataWriter;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.interop.internal.Importer;

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
    private final DescriptorMapping mapping;
    private final Optional<List<InstructionalDay>> calendar;
    private final DayShare partialDefault;
    private final boolean lenient;

    private EdFiXmlImport(Builder b) {
        this.mapping = b.mapping;
        this.calendar = b.calendar;
        this.partialDefault = b.partialDefault;
        this.lenient = b.lenient;
    }

    /** A builder with the default mapping, no supplied calendar, a half day for Partial events, strict. */
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
        Objects.requireNonNull(source, "source");
        Importer.Outcome o = new Importer(mapping, calendar, partialDefault, lenient).run(source);
        return new EdFiImportResult(o.data(), o.violations(), o.errorCount(), o.warningCount(), o.recordsRead());
    }

    /**
     * The command line's {@code import edfi-xml SRC --out DIR}: a strict import with the defaults, written as a
     * district data directory that {@code validate} accepts.
     *
     * @param source the interchange folder or file
     * @param out    the directory to write (must not already hold data-directory files)
     * @return the import's result (its warnings are worth printing)
     * @throws DataValidationException when the source has errors; nothing is written then
     */
    public static EdFiImportResult importToDirectory(Path source, Path out) {
        Objects.requireNonNull(out, "out");
        EdFiImportResult r = builder().build().read(source);
        DistrictDataWriter.write(r.data(), out);
        return r;
    }

    /** Builds an {@link EdFiXmlImport}. Not thread-safe. */
    public static final class Builder {
        private DescriptorMapping mapping = DescriptorMapping.defaults();
        private Optional<List<InstructionalDay>> calendar = Optional.empty();
        private DayShare partialDefault = DayShare.HALF_DAY;
        private boolean lenient;

        private Builder() {}

        /** The descriptor mapping; {@link DescriptorMapping#defaults()} unless set. */
        public Builder descriptorMapping(DescriptorMapping mapping) {
            this.mapping = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /**
         * The instructional days of every school, replacing the calendar dates and the session-derived calendar of
         * the files (for an export whose calendar is incomplete).
         */
        public Builder calendar(Collection<InstructionalDay> days) {
            this.calendar = Optional.of(List.copyOf(Objects.requireNonNull(days, "days")));
            return this;
        }

        /** The share of the day recorded for a {@code Partial} event without {@code EventDuration} (a warning each); half a day unless set. */
        public Builder partialAbsenceDefault(DayShare share) {
            this.partialDefault = Objects.requireNonNull(share, "share");
            return this;
        }

        /** Lenient: leave out records that break a rule and report them, instead of throwing. */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /** The import. */
        public EdFiXmlImport build() {
            return new EdFiXmlImport(this);
        }
    }
}
