package org.communityschools.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.data.Violation;
import org.communityschools.core.live.BatchRejectedException;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.model.DayShare;
import org.communityschools.interop.internal.ChangeQueryReader;

/**
 * Reads the answers of an Ed-Fi ODS/API's change queries (ODS/API 5.3-cqe, 6.1 and 7.x, Data Standard 5.x), saved as
 * the API returned them, into one {@link ChangeBatch} for {@link org.communityschools.core.live.LiveDistrict#apply}:
 *
 * <pre>
 * edfi-changes/
 *   availableChangeVersions.json           GET /changeQueries/v1/availableChangeVersions (optional)
 *   studentSchoolAttendanceEvents/
 *     page-1.json, page-2.json, ...         GET /data/v3/ed-fi/studentSchoolAttendanceEvents?minChangeVersion=..&amp;maxChangeVersion=..&amp;offset=..
 *     deletes-1.json, ...                   GET .../studentSchoolAttendanceEvents/deletes?minChangeVersion=..
 *     keyChanges-1.json, ...                GET .../studentSchoolAttendanceEvents/keyChanges?minChangeVersion=..
 *   students/ ...
 * </pre>
 *
 * <p>Each changed record is mapped by the same importer and {@link DescriptorMapping} as {@link EdFiJsonImport}, with
 * the records of {@code data} (the district the batch applies to) as the records it refers to; a delete, and the old key
 * of a key change, become deletes of the model's record with that key. Every delete and key change must carry its
 * {@code changeVersion} (a resource record may); the result's {@link Result#changeVersion()} is the window's
 * {@code newestChangeVersion} (or the highest one read), which a host keeps and asks the API from next
 * ({@code minChangeVersion} one more).
 * The resources read, the key mapping and the rule codes are in docs/interop-edfi.md, "Change queries". Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * EdFiChangeQueries.Result r = EdFiChangeQueries.builder().build().read(Path.of("edfi-changes"), live.current().data(), applied);
 * live.apply(r.batch());
 * applied = r.changeVersion();   // next: ?minChangeVersion=applied+1
 * }</pre>
 */
public final class EdFiChangeQueries {
    /** The file, in a district data directory, holding the highest Ed-Fi change version applied to it. */
    public static final String CHANGE_VERSION_FILE = "edfi-change-version.json";
    private static final Pattern VERSION = Pattern.compile("\"changeVersion\"\\s*:\\s*(\\d+)");

    private final DescriptorMapping mapping;
    private final DayShare partialDefault;
    private final ReadLimits limits;

    private EdFiChangeQueries(Builder b) {
        this.mapping = b.mapping;
        this.partialDefault = b.partialDefault;
        this.limits = b.limits;
    }

    /**
     * {@return a builder with the default descriptor mapping, half a day for a Partial event without a duration, and the
     * default limits}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What was read.
     *
     * @param batch         the changes, whole or not at all: deletes first, then upserts in the order read
     * @param changeVersion the highest change version read (or the window's {@code newestChangeVersion}, or the one
     *                      already applied when nothing newer was read); -1 when none
     * @param warnings      the warnings (records merged, deletes of records the district does not hold)
     * @param recordsRead   the records read by resource ({@code students}, {@code students/deletes}, ...)
     */
    public record Result(ChangeBatch batch, long changeVersion, List<Violation> warnings, Map<String, Long> recordsRead) {
        /**
         * Copies the lists.
         *
         * @param batch         the changes
         * @param changeVersion the change version to continue from
         * @param warnings      the warnings
         * @param recordsRead   the records read by resource
         */
        public Result {
            Objects.requireNonNull(batch, "batch");
            warnings = List.copyOf(warnings);
            recordsRead = Map.copyOf(recordsRead);
        }
    }

    /**
     * Reads a folder of change-query answers against the district they apply to.
     *
     * @param dir     the folder
     * @param data    the district the batch will be applied to
     * @param applied the highest change version already applied: records at or below it are skipped; -1 for none
     * @return the batch, the change version to continue from, the warnings and the counts read
     * @throws BatchRejectedException   with every error (file, line, column, JSON pointer, rule) when a record breaks a
     *                                  rule of the import or of change queries; nothing is read then
     * @throws IllegalArgumentException when {@code dir} is not a directory
     */
    public Result read(Path dir, DistrictData data, long applied) {
        Objects.requireNonNull(data, "data");
        if (!Files.isDirectory(Objects.requireNonNull(dir, "dir"))) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        ChangeQueryReader.Outcome o = new ChangeQueryReader(mapping, partialDefault, limits).read(dir, data, applied);
        return new Result(o.batch(), o.changeVersion(), o.warnings(), o.recordsRead());
    }

    /**
     * The change version kept beside a data directory.
     *
     * @param dataDir the data directory
     * @return the change version in its {@value #CHANGE_VERSION_FILE}, empty when there is none
     */
    public static OptionalLong appliedVersion(Path dataDir) {
        Path f = dataDir.resolve(CHANGE_VERSION_FILE);
        if (!Files.isRegularFile(f)) {
            return OptionalLong.empty();
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(f, StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalArgumentException(f.getFileName() + " must hold {\"changeVersion\": N}");
            }
            return OptionalLong.of(Long.parseLong(m.group(1)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /**
     * Keeps a change version beside a data directory, in its {@value #CHANGE_VERSION_FILE} (replaced atomically).
     *
     * @param dataDir       the data directory
     * @param changeVersion the highest change version applied to it
     */
    public static void keepVersion(Path dataDir, long changeVersion) {
        Path f = dataDir.resolve(CHANGE_VERSION_FILE);
        try {
            Path tmp = Files.createTempFile(dataDir, ".edfi-change-version", ".tmp");
            Files.writeString(tmp, "{\"changeVersion\": " + changeVersion + "}\n", StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }

    /** Builds {@link EdFiChangeQueries}. Not thread-safe. */
    public static final class Builder {
        private DescriptorMapping mapping = DescriptorMapping.defaults();
        private DayShare partialDefault = DayShare.HALF_DAY;
        private ReadLimits limits = ReadLimits.defaults();

        private Builder() {}

        /**
         * The descriptor mapping; {@link DescriptorMapping#defaults()} unless set (as for {@link EdFiJsonImport}).
         *
         * @param mapping the mapping of Ed-Fi descriptors to the model's codes
         * @return this builder
         */
        public Builder descriptorMapping(DescriptorMapping mapping) {
            this.mapping = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /**
         * The share of the day recorded for a Partial event without a duration; half a day unless set.
         *
         * @param share the share of the day
         * @return this builder
         */
        public Builder partialAbsenceDefault(DayShare share) {
            this.partialDefault = Objects.requireNonNull(share, "share");
            return this;
        }

        /**
         * The limits every file is read within; {@link ReadLimits#defaults()} unless set.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(ReadLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** {@return the reader} */
        public EdFiChangeQueries build() {
            return new EdFiChangeQueries(this);
        }
    }
}
