package org.communityschools.interop;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.interop.internal.Importer;

/**
 * The settings both Ed-Fi imports share ({@link EdFiXmlImport.Builder}, {@link EdFiJsonImport.Builder}): the
 * descriptor mapping, a supplied calendar, the share of a Partial event without a duration, strict or lenient, the
 * read limits. The
 * one place for them, so the two formats cannot drift apart. Not thread-safe.
 *
 * @param <B> the builder type, returned by every setter
 */
abstract class EdFiImportOptions<B extends EdFiImportOptions<B>> {
    private DescriptorMapping mapping = DescriptorMapping.defaults();
    private Optional<List<InstructionalDay>> calendar = Optional.empty();
    private DayShare partialDefault = DayShare.HALF_DAY;
    private boolean lenient;
    private ReadLimits limits = ReadLimits.defaults();

    EdFiImportOptions() {}

    abstract B self();

    /**
     * The descriptor mapping; {@link DescriptorMapping#defaults()} unless set.
     *
     * @param mapping the descriptor mapping
     * @return this builder
     */
    public B descriptorMapping(DescriptorMapping mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        return self();
    }

    /**
     * The instructional days of every school, replacing the calendar dates and the session-derived calendar of the
     * source (for an export whose calendar is incomplete).
     *
     * @param days the instructional days of every school, replacing the calendar dates and the session-derived calendar
     *     of the source (for an export whose calendar is incomplete)
     * @return this builder
     */
    public B calendar(Collection<InstructionalDay> days) {
        this.calendar = Optional.of(List.copyOf(Objects.requireNonNull(days, "days")));
        return self();
    }

    /**
     * The share of the day recorded for a Partial event without a duration (a warning each); half a day unless set.
     *
     * @param share the share of the day recorded for a Partial event without a duration (a warning each)
     * @return this builder
     */
    public B partialAbsenceDefault(DayShare share) {
        this.partialDefault = Objects.requireNonNull(share, "share");
        return self();
    }

    /**
     * Lenient: leave out records that break a rule and report them, instead of throwing.
     *
     * @param lenient true to import the valid records and report the rest as violations; false (the default) to throw
     *     {@code DataValidationException} listing every violation
     * @return this builder
     */
    public B lenient(boolean lenient) {
        this.lenient = lenient;
        return self();
    }

    /**
     * The limits every source file is read within ({@link ReadLimits#defaults()} unless set): file size, nesting depth
     * and text size; beyond them the file is refused with a {@code limit.*} error.
     *
     * @param limits the limits every source file is read within ({@link ReadLimits#defaults()} unless set)
     * @return this builder
     */
    public B limits(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return self();
    }

    /** Runs the shared importer over {@code source} in {@code format} with these settings. */
    static EdFiImportResult run(Importer.Format format, Settings settings, Path source) {
        Objects.requireNonNull(source, "source");
        Importer.Outcome o = new Importer(format, settings.mapping(), settings.calendar(), settings.partialDefault(),
                settings.lenient(), settings.limits()).run(source);
        return new EdFiImportResult(o.data(), o.violations(), o.errorCount(), o.warningCount(), o.recordsRead());
    }

    /** An immutable copy of the settings, held by the built import. */
    Settings settings() {
        return new Settings(mapping, calendar, partialDefault, lenient, limits);
    }

    /** The settings, immutable. */
    record Settings(DescriptorMapping mapping, Optional<List<InstructionalDay>> calendar, DayShare partialDefault,
                    boolean lenient, ReadLimits limits) {}
}
