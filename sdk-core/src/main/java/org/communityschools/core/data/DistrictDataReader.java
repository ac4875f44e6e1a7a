package org.communityschools.core.data;

import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.communityschools.core.internal.index.DistrictIndex;
import org.communityschools.core.internal.read.AgreementsStep;
import org.communityschools.core.internal.read.DefaultValidator;
import org.communityschools.core.internal.read.DirectoryLoader;
import org.communityschools.core.internal.read.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Reads a district data directory (docs/data-directory.md): streams every file in {@link DataFile} order, applies
 * the header and field rules (parsing, the records' own rules, their Jakarta Validation annotations) and the
 * cross-record rules (docs/data-directory-rules.md), and reports every {@link Violation} with file, line, column,
 * value and rule code. Values of personal columns are never repeated ({@code <redacted>}).
 *
 * <ul>
 *   <li><b>Strict</b> (the default): any error throws {@link DataValidationException} carrying every violation (up to
 *       {@link Builder#maxReportedViolations(int)}) and the total count; nothing is loaded.</li>
 *   <li><b>Lenient</b>: returns the valid rows and a {@link LoadReport} of the rejected ones. A row that refers to a
 *       rejected row is rejected in turn, with rule {@code reference.rejected}.</li>
 * </ul>
 *
 * <p>Every file is read strictly as RFC 4180 and UTF-8, within {@link ReadLimits} (row length, cells per row, cell
 * size), in memory bounded by them whatever the file's size; a control character other than tab in a cell rejects
 * its row ({@code field.control-character}).
 *
 * <pre>{@code
 * ReadResult result = DistrictDataReader.builder().build().read(dir);
 * DistrictData data = result.data();
 * }</pre>
 *
 * <p>Immutable and thread-safe: one reader can read many directories, concurrently.
 */
public final class DistrictDataReader {
    private final boolean lenient;
    private final @Nullable Validator validator;
    private final int maxReportedViolations;
    private final DataElements dataElements;
    private final ReadLimits limits;

    private DistrictDataReader(Builder b) {
        this.limits = b.limits == null ? ReadLimits.defaults() : b.limits;
        this.lenient = b.lenient != null && b.lenient;
        this.dataElements = b.dataElements == null ? DataElements.standard() : b.dataElements;
        this.validator = b.validator;
        this.maxReportedViolations = b.maxReportedViolations == null ? 10_000 : b.maxReportedViolations;
    }

    /**
     * A builder with the defaults: strict, the default Jakarta Validation provider, 10,000 reported violations,
     * {@link ReadLimits#defaults()}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the limits each file is read within} */
    public ReadLimits limits() {
        return limits;
    }

    /** {@return whether a read returns the valid rows despite errors} */
    public boolean isLenient() {
        return lenient;
    }

    /**
     * Reads the directory.
     *
     * @param dir the district data directory
     * @return the data, and the report of what was read and found
     * @throws DataValidationException in strict mode, when any rule is broken
     * @throws IllegalArgumentException when {@code dir} is not a directory
     */
    public ReadResult read(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        Violations violations = new Violations(maxReportedViolations);
        DirectoryLoader loader = new DirectoryLoader(validator, violations, dataElements, limits);
        DistrictIndex index = loader.load(dir, new AgreementsStep(validator, dataElements));
        Map<DataFile, LoadReport.FileCounts> files = new EnumMap<>(DataFile.class);
        loader.counts().forEach((f, c) -> files.put(f, new LoadReport.FileCounts(c[0], c[1], c[2])));
        LoadReport report = new LoadReport(violations.sorted(), files, violations.errorCount(), violations.warningCount(),
                violations.omitted());
        if (!lenient && report.hasErrors()) {
            throw new DataValidationException(report.violations(), report.errorCount());
        }
        return new ReadResult(DistrictData.of(index), report);
    }

    /**
     * Configures a {@link DistrictDataReader}. Each setting may be set once and is checked at once; the combination
     * is checked by {@link #build()}. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable Boolean lenient;
        private @Nullable Validator validator;
        private boolean withoutBeanValidation;
        private @Nullable Integer maxReportedViolations;
        private @Nullable DataElements dataElements;
        private @Nullable ReadLimits limits;

        private Builder() {}

        /**
         * The limits a file is read within (default {@link ReadLimits#defaults()}): a row, cell or nesting beyond
         * them is an error naming the limit ({@code limit.*}), and the rest of that file is not read.
         *
         * @param limits the limits a file is read within (default {@link ReadLimits#defaults()})
         * @return this builder
         */
        public Builder limits(ReadLimits limits) {
            Objects.requireNonNull(limits, "limits");
            if (this.limits != null) {
                throw new IllegalStateException("limits were already set to " + this.limits);
            }
            this.limits = limits;
            return this;
        }

        /**
         * Lenient (true) returns the valid rows and a report; strict (false, the default) loads nothing on any error.
         *
         * @param lenient true for lenient, false for strict
         * @return this builder
         */
        public Builder lenient(boolean lenient) {
            if (this.lenient != null) {
                throw new IllegalStateException("lenient was already set to " + this.lenient);
            }
            this.lenient = lenient;
            return this;
        }

        /**
         * The Jakarta Validation validator that checks each record's annotations (default: the provider on the path).
         *
         * @param validator the Jakarta Validation validator that checks each record's annotations (default
         * @return this builder
         */
        public Builder validator(Validator validator) {
            Objects.requireNonNull(validator, "validator");
            if (this.validator != null || withoutBeanValidation) {
                throw new IllegalStateException("bean validation was already configured");
            }
            this.validator = validator;
            return this;
        }

        /**
         * Skips Jakarta Validation annotations (the field and cross-record rules still apply).
         *
         * @return this builder
         */
        public Builder withoutBeanValidation() {
            if (this.validator != null || withoutBeanValidation) {
                throw new IllegalStateException("bean validation was already configured");
            }
            this.withoutBeanValidation = true;
            return this;
        }

        /**
         * The most violations kept in a report or exception (default 10,000); beyond it they are only counted.
         *
         * @param max the most violations kept in a report or exception (default 10,000)
         * @return this builder
         */
        public Builder maxReportedViolations(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxReportedViolations must be at least 1, was " + max);
            }
            if (this.maxReportedViolations != null) {
                throw new IllegalStateException("maxReportedViolations was already set to " + this.maxReportedViolations);
            }
            this.maxReportedViolations = max;
            return this;
        }

        /**
         * The data elements agreements may name (default {@link DataElements#standard()}, the default field catalog's
         * paths and the category names); an agreement naming another is rejected with rule
         * {@code agreement.data-element}. A host whose policy uses its own field catalog passes that catalog's paths.
         *
         * @param dataElements the data elements agreements may name (default {@link DataElements#standard()}, the
         *     default field catalog's paths and the category names)
         * @return this builder
         */
        public Builder dataElements(DataElements dataElements) {
            Objects.requireNonNull(dataElements, "dataElements");
            if (this.dataElements != null) {
                throw new IllegalStateException("dataElements was already set to " + this.dataElements);
            }
            this.dataElements = dataElements;
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         * @throws IllegalStateException when no validator was given, bean validation was not turned off, and no
         *     Jakarta Validation provider is on the class or module path
         */
        public DistrictDataReader build() {
            if (validator == null && !withoutBeanValidation) {
                validator = DefaultValidator.get("DistrictDataReader");
            }
            return new DistrictDataReader(this);
        }
    }
}
