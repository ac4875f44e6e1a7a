package org.communityschools.interop;

import java.nio.file.Path;
import java.util.Objects;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.interop.internal.Importer;
import org.communityschools.interop.internal.ValidatedOutput;
import org.communityschools.interop.internal.OneRosterImporter;

/**
 * Imports a OneRoster CSV export (1EdTech OneRoster 1.2, or 1.1 where users carry {@code role} and
 * {@code orgSourcedIds}) into a {@link org.communityschools.core.data.DistrictData}: districts and schools
 * ({@code orgs.csv}), students with their birth date, sex and race ({@code users.csv}, {@code roles.csv},
 * {@code demographics.csv}) and their school enrollments, staff and their assignments, and teacher–student
 * relationships: the teachers of a class ({@code classes.csv}, {@code enrollments.csv}) are
 * {@link org.communityschools.core.model.RelationshipType#TEACHER_OF} the students enrolled in it, for the dates both
 * were in it ({@code academicSessions.csv} supplies the class terms and the school year). {@code manifest.csv} gives the
 * version and which files are present; only bulk files are read. The rules are in docs/interop-oneroster.md.
 *
 * <pre>{@code
 * OneRosterImportResult r = OneRosterImport.builder().build().read(Path.of("oneroster"));
 * r.data().studentStaffRelationships();   // teacher -> student, TEACHER_OF
 * }</pre>
 *
 * <p>Each file is streamed row by row. A violation names the file, line, column and column name, the value (never a
 * name or a birth date) and the rule. Strict (the default) throws {@link DataValidationException} with every
 * violation; lenient leaves the offending rows out and reports them. Immutable and thread-safe.
 */
public final class OneRosterImport {
    private final boolean lenient;
    private final ReadLimits limits;

    private OneRosterImport(Builder b) {
        this.lenient = b.lenient;
        this.limits = b.limits;
    }

    /** {@return a strict import} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a OneRoster export folder.
     *
     * @param dir the folder holding manifest.csv and the other files
     * @return the data and the report
     * @throws DataValidationException when strict and any error was found, or when the imported records break the
     *                                 model's cross-record rules
     * @throws IllegalArgumentException when {@code dir} is not a folder
     */
    public OneRosterImportResult read(Path dir) {
        Objects.requireNonNull(dir, "dir");
        OneRosterImporter importer = new OneRosterImporter(lenient, limits);
        Importer.Outcome o = importer.run(dir);
        return new OneRosterImportResult(o.data(), importer.version(), o.violations(), o.errorCount(), o.warningCount(), o.recordsRead());
    }

    /**
     * The command line's {@code import oneroster SRC --out DIR}: a strict import, written as a district data directory
     * that {@code validate} accepts.
     *
     * @param source the export folder
     * @param out    the directory to write (must not already hold data-directory files)
     * @return the import's result (its warnings are worth printing)
     * @throws DataValidationException when the source has errors, holds nothing to import, or gives data that the
     *                                 directory reader would refuse (it is read back before it is moved into
     *                                 {@code out}); nothing is written then
     */
    public static OneRosterImportResult importToDirectory(Path source, Path out) {
        Objects.requireNonNull(out, "out");
        OneRosterImportResult r = builder().build().read(source);
        ValidatedOutput.write(r.data(), out);
        return r;
    }

    /** Builds a {@link OneRosterImport}. Not thread-safe. */
    public static final class Builder {
        private boolean lenient;
        private ReadLimits limits = ReadLimits.defaults();

        private Builder() {}

        /**
         * The limits every file is read within ({@link ReadLimits#defaults()} unless set): row length, cells per row,
         * cell size; beyond them the file is refused with a {@code limit.*} error.
         *
         * @param limits the limits every file is read within ({@link ReadLimits#defaults()} unless set)
         * @return this builder
         */
        public Builder limits(ReadLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Lenient: leave out rows that break a rule and report them, instead of throwing.
         *
         * @param lenient true to import the valid rows and report the rest as violations; false (the default) to throw
         *     {@code DataValidationException} listing every violation
         * @return this builder
         */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /** {@return the import} */
        public OneRosterImport build() {
            return new OneRosterImport(this);
        }
    }
}
