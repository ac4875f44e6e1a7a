package org.communityschools.privacy.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.internal.write.CsvFileWriter;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.policy.RecordScope;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.Sensitivity;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A research extract: de-identified student-level files for a partner under a studies (34 CFR 99.31(a)(6)) or
 * audit/evaluation (99.31(a)(3), 99.35) agreement, built by {@link #builder(DistrictData, AgreementId)}.
 *
 * <p>What {@link Builder#build()} does, failing closed with {@link ExtractRefusedException}:
 * <ol>
 *   <li>The agreement must exist; the version that governs on the day of the extract
 *       ({@link DistrictData#agreementVersionOn(AgreementId, LocalDate)}: a later version has not taken effect yet) must
 *       have legal basis {@link LegalBasis#STUDIES} or {@link LegalBasis#AUDIT_EVALUATION}, be
 *       {@link AgreementStatus#ACTIVE} and in force on that day; every data element must be known to the
 *       {@link FieldCatalog}.</li>
 *   <li>The students are those enrolled at an agreement school during an agreement school year and the agreement's
 *       effective period, up to the day of the extract; the enrollments, attendance and characteristics are those in
 *       the agreement's record scope ({@link RecordScope#agreementLimits}: its schools, school years and effective
 *       period, never after the day of the extract), and an enrollment's entry or exit date, or a characteristic's
 *       start or end, outside that scope is left blank.</li>
 *   <li>Only the agreement's fields are carried, and never direct identifiers ({@code identity.*}, {@code contact.*}),
 *       free text ({@link Sensitivity#FREE_TEXT}) or meal eligibility (42 USC 1758(b)(6): a FERPA basis does not
 *       authorize it); {@link #withheldFields()} lists the granted fields left out and why.</li>
 *   <li>Each student id becomes a research id from the {@link Pseudonymizer} (HMAC-SHA-256 or random token).</li>
 *   <li>The requested {@link Generalization}s are applied to every file.</li>
 *   <li>k-anonymity over the declared {@link QuasiIdentifier}s of {@code students.csv}: the violating classes are
 *       reported ({@link #violations()}); by {@link KStrategy} the extract generalizes further (birth year, grade band,
 *       school type, in that order) and then drops the students of the remaining small classes from every file, or
 *       only drops them, or refuses.</li>
 * </ol>
 * {@link #write(Path, DisclosureSink)} records one disclosure per student in the log (34 CFR 99.32(a)), then writes
 * {@code students.csv}, the other files the agreement allows, and {@code manifest.json} naming the agreement, the
 * destruction date (the agreement's {@link DataSharingAgreement#destructionDeadline()}), the pseudonym method and key
 * id, k, the generalizations and the number of students suppressed. Every CSV cell a spreadsheet would run as a
 * formula (a school id starting with {@code =}, say) is written as text, with {@code '} in front ({@link
 * org.communityschools.core.data.CsvCells}); {@link #tables()} holds the values themselves. Immutable and thread-safe
 * once built.
 */
public final class ResearchExtract {
    /** What to do when k-anonymity does not hold. */
    public enum KStrategy {
        /** Apply the remaining generalizations one by one, then drop the students of the remaining small classes. */
        GENERALIZE_THEN_SUPPRESS,
        /** Drop the students of the small classes. */
        SUPPRESS,
        /** Refuse the extract. */
        REFUSE
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final DataSharingAgreement agreement;
    private final LocalDate createdOn;
    private final Pseudonymizer pseudonyms;
    private final StaffId recipient;
    private final int k;
    private final List<QuasiIdentifier> quasiIdentifiers;
    private final Set<Generalization> generalizations;
    private final List<EquivalenceClass> violations;
    private final int suppressedStudents;
    private final List<String> fields;
    private final Map<String, String> withheldFields;
    private final List<StudentId> students;
    private final List<ExtractTable> tables;

    private ResearchExtract(Builder b, ExtractComputation c) {
        this.agreement = c.agreement;
        this.createdOn = c.today;
        this.pseudonyms = Objects.requireNonNull(b.pseudonyms);
        this.recipient = Objects.requireNonNull(b.recipient);
        this.k = b.k;
        this.quasiIdentifiers = List.copyOf(c.quasiIdentifiers);
        this.generalizations = java.util.Collections.unmodifiableSet(c.generalizations.isEmpty()
                ? EnumSet.noneOf(Generalization.class) : EnumSet.copyOf(c.generalizations));
        this.violations = List.copyOf(c.violations);
        this.suppressedStudents = c.suppressed;
        this.fields = List.copyOf(c.fields);
        this.withheldFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(c.withheld));
        this.students = List.copyOf(c.students);
        this.tables = List.copyOf(c.tables);
    }

    /**
     * {@return a builder for an extract of {@code data} under the agreement {@code agreement}}
     *
     * @param data      the district data the extract is drawn from
     * @param agreement the studies or audit/evaluation agreement that allows it
     */
    public static Builder builder(DistrictData data, AgreementId agreement) {
        return new Builder(Objects.requireNonNull(data, "data"), Objects.requireNonNull(agreement, "agreement"));
    }

    /** {@return the version of the agreement the extract is made under: the one governing on the day it was made} */
    public DataSharingAgreement agreement() {
        return agreement;
    }

    /** {@return the day the extract was made} */
    public LocalDate createdOn() {
        return createdOn;
    }

    /**
     * {@return the day by which the recipient must have destroyed the extract: the agreement's destruction deadline}
     */
    public LocalDate destructionDate() {
        return agreement.destructionDeadline();
    }

    /** {@return how the research ids were made} */
    public Pseudonymizer.Method pseudonymMethod() {
        return pseudonyms.method();
    }

    /** {@return the key id of HMAC research ids} */
    public Optional<String> keyId() {
        return pseudonyms.keyId();
    }

    /** {@return the k of the k-anonymity check (1: no check)} */
    public int k() {
        return k;
    }

    /** {@return the quasi-identifiers checked} */
    public List<QuasiIdentifier> quasiIdentifiers() {
        return quasiIdentifiers;
    }

    /**
     * The generalizations applied, requested or added to reach k (only those that coarsen a declared
     * quasi-identifier are added), in declaration order.
     *
     * @return the generalizations, in declaration order
     */
    public Set<Generalization> generalizations() {
        return generalizations;
    }

    /**
     * {@return the equivalence classes below k found before any remedy (the values of the requested generalizations)}
     */
    public List<EquivalenceClass> violations() {
        return violations;
    }

    /** {@return how many students were dropped from every file to reach k} */
    public int suppressedStudents() {
        return suppressedStudents;
    }

    /** {@return the field paths the extract carries (what the disclosure-log entries name)} */
    public List<String> fields() {
        return fields;
    }

    /** {@return the fields the agreement grants that the extract leaves out, with the reason} */
    public Map<String, String> withheldFields() {
        return withheldFields;
    }

    /** {@return the files, {@code students.csv} first} */
    public List<ExtractTable> tables() {
        return tables;
    }

    /**
     * {@return the file named {@code name}, empty when the extract has none of that name}
     *
     * @param name the file's name, such as {@code students.csv}
     */
    public Optional<ExtractTable> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** {@return how many students the extract holds} */
    public int studentCount() {
        return students.size();
    }

    /**
     * Records one disclosure per student in {@code log} (34 CFR 99.32(a)(1): studies and audit/evaluation disclosures
     * are in the record of disclosures), then writes the files and {@code manifest.json} to {@code dir}, which must
     * not exist or be empty. A disclosure that cannot be recorded does not happen: when the log throws, nothing is
     * written.
     *
     * @param dir   the directory to write, which must not exist or be empty
     * @param log   the disclosure log the disclosures are recorded in first
     * @param clock the clock that dates the disclosures
     * @return the log entries appended
     */
    public List<DisclosureEntry> write(Path dir, DisclosureSink log, Clock clock) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(clock, "clock");
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException("the extract directory " + dir + " must be empty or absent");
                    }
                }
            }
            List<FieldPath> paths = fields.stream().map(FieldPath::of).toList();
            java.time.Instant now = clock.instant();
            List<Disclosure> disclosures = new ArrayList<>(students.size());
            for (StudentId s : students) { // all checked before the first is appended
                disclosures.add(Disclosure.builder().at(now).requester(recipient)
                        .requesterOrganization(agreement.recipientOrganizationId()).student(s).fields(paths)
                        .purpose(agreement.purpose()).legalBasis(agreement.legalBasis()).agreement(agreement.id())
                        .build());
            }
            List<DisclosureEntry> entries = log.appendAll(disclosures);   // one force for the batch
            Files.createDirectories(dir);
            Map<String, Integer> files = new LinkedHashMap<>();
            for (ExtractTable t : tables) {
                StringBuilder sb = new StringBuilder();
                CsvFileWriter.appendNeutralizedRow(sb, t.header().toArray(String[]::new));
                t.rows().forEach(r -> CsvFileWriter.appendNeutralizedRow(sb, r.toArray(String[]::new)));
                Files.writeString(dir.resolve(t.name()), sb, StandardCharsets.UTF_8);
                files.put(t.name(), t.rows().size());
            }
            Files.writeString(dir.resolve("manifest.json"), manifest(files, entries) + "\n", StandardCharsets.UTF_8);
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the extract to " + dir, e);
        }
    }

    /**
     * {@link #write(Path, DisclosureSink, Clock)} with the system clock.
     *
     * @param dir the directory to write, which must not exist or be empty
     * @param log the disclosure log the disclosures are recorded in first
     * @return the log entries appended
     */
    public List<DisclosureEntry> write(Path dir, DisclosureSink log) {
        return write(dir, log, Clock.systemUTC());
    }

    /** {@return the manifest as JSON, as written to {@code manifest.json}} */
    public String manifest() {
        Map<String, Integer> files = new LinkedHashMap<>();
        tables.forEach(t -> files.put(t.name(), t.rows().size()));
        return manifest(files, List.of());
    }

    private String manifest(Map<String, Integer> files, List<DisclosureEntry> entries) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("agreement", agreement.id().value());
        n.put("agreement_version", agreement.version());
        n.put("legal_basis", agreement.legalBasis().name());
        n.put("recipient_organization", agreement.recipientOrganizationId().value());
        n.put("purpose", agreement.purpose());
        n.put("created", createdOn.toString());
        n.put("destruction_date", destructionDate().toString());
        ObjectNode p = n.putObject("pseudonym");
        p.put("method", pseudonyms.method().name());
        pseudonyms.keyId().ifPresent(id -> p.put("key_id", id));
        if (pseudonyms.method() == Pseudonymizer.Method.RANDOM_TOKEN) {
            p.put("crosswalk", "kept by the district, not part of the extract");
        }
        n.put("k", k);
        ArrayNode qi = n.putArray("quasi_identifiers");
        quasiIdentifiers.forEach(q -> qi.add(q.name()));
        ArrayNode gen = n.putArray("generalizations");
        EnumSet.copyOf(generalizations.isEmpty() ? EnumSet.noneOf(Generalization.class) : generalizations)
                .forEach(g -> gen.add(g.name()));
        n.put("violating_classes", violations.size());
        n.put("suppressed_rows", suppressedStudents);
        n.put("students", students.size());
        ArrayNode fs = n.putArray("fields");
        fields.forEach(fs::add);
        ObjectNode wf = n.putObject("withheld_fields");
        withheldFields.forEach(wf::put);
        ObjectNode f = n.putObject("files");
        files.forEach(f::put);
        if (!entries.isEmpty()) {
            ObjectNode log = n.putObject("disclosure_log");
            log.put("entries", entries.size());
            log.put("first_sequence", entries.get(0).sequence());
            log.put("last_sequence", entries.get(entries.size() - 1).sequence());
        }
        return MAPPER.writeValueAsString(n);
    }

    @Override
    public String toString() {
        return "ResearchExtract[" + agreement.id() + ", " + students.size() + " students, k " + k + "]";
    }

    /** Builds a {@link ResearchExtract}: every setting once; {@link #build()} checks the agreement and does the work. Not thread-safe. */
    public static final class Builder {
        final DistrictData data;
        final AgreementId agreementId;
        @Nullable Pseudonymizer pseudonyms;
        @Nullable StaffId recipient;
        @Nullable Clock clock;
        @Nullable Integer kSetting;
        int k = 5;
        @Nullable KStrategy strategy;
        @Nullable Set<Generalization> generalize;
        @Nullable List<QuasiIdentifier> quasi;
        @Nullable FieldCatalog catalog;

        private Builder(DistrictData data, AgreementId agreementId) {
            this.data = data;
            this.agreementId = agreementId;
        }

        private static void once(@Nullable Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * How research ids are made (required).
         *
         * @param pseudonyms the pseudonymizer that turns student ids into research ids
         * @return this builder
         */
        public Builder pseudonyms(Pseudonymizer pseudonyms) {
            once(this.pseudonyms, "pseudonyms");
            this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
            return this;
        }

        /**
         * The person who receives the extract for the recipient organization: the requester in the log (required).
         *
         * @param recipient the person who receives the extract for the recipient organization
         * @return this builder
         */
        public Builder recipient(StaffId recipient) {
            once(this.recipient, "recipient");
            this.recipient = Objects.requireNonNull(recipient, "recipient");
            return this;
        }

        /**
         * The clock that gives the day of the extract (default: the system clock in UTC).
         *
         * @param clock the clock that gives the day of the extract (default
         * @return this builder
         */
        public Builder clock(Clock clock) {
            once(this.clock, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The k of the k-anonymity check, 1 to 1000 (default 5; 1 turns the check off).
         *
         * @param k the k of the k-anonymity check, 1 to 1000 (default 5
         * @return this builder
         */
        public Builder k(int k) {
            once(this.kSetting, "k");
            if (k < 1 || k > 1000) {
                throw new IllegalArgumentException("k must be between 1 and 1000, was " + k);
            }
            this.kSetting = k;
            this.k = k;
            return this;
        }

        /**
         * What to do when k-anonymity does not hold (default {@link KStrategy#GENERALIZE_THEN_SUPPRESS}).
         *
         * @param strategy what to do: generalize, then suppress, or refuse
         * @return this builder
         */
        public Builder onViolation(KStrategy strategy) {
            once(this.strategy, "strategy");
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * The generalizations to apply (default: {@link Generalization#BIRTH_DATE_TO_YEAR}); none for full values.
         *
         * @param generalizations the generalizations to apply (default
         * @return this builder
         */
        public Builder generalize(Set<Generalization> generalizations) {
            once(this.generalize, "generalizations");
            this.generalize = Set.copyOf(Objects.requireNonNull(generalizations, "generalizations"));
            return this;
        }

        /**
         * The quasi-identifiers of the k-anonymity check (default: all those the extract carries).
         *
         * @param quasiIdentifiers the quasi-identifiers of the k-anonymity check (default
         * @return this builder
         */
        public Builder quasiIdentifiers(List<QuasiIdentifier> quasiIdentifiers) {
            once(this.quasi, "quasiIdentifiers");
            this.quasi = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(quasiIdentifiers, "quasiIdentifiers")));
            return this;
        }

        /**
         * The field catalog that resolves the agreement's data elements (default {@link
         * FieldCatalog#defaultCatalog()}).
         *
         * @param catalog the field catalog that resolves the agreement's data elements (default {@link
         *     FieldCatalog#defaultCatalog()})
         * @return this builder
         */
        public Builder catalog(FieldCatalog catalog) {
            once(this.catalog, "catalog");
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * Checks the agreement and builds the extract.
         *
         * @return the extract
         * @throws IllegalStateException   when the pseudonyms or the recipient were not set
         * @throws ExtractRefusedException when the agreement does not allow an extract, or k cannot be reached under
         *                                 {@link KStrategy#REFUSE}
         */
        public ResearchExtract build() {
            if (pseudonyms == null) {
                throw new IllegalStateException("an extract needs pseudonyms: Pseudonymizer.hmacSha256 or Pseudonymizer.randomTokens");
            }
            if (recipient == null) {
                throw new IllegalStateException("an extract needs the recipient, the requester of its disclosure-log entries");
            }
            return new ResearchExtract(this, new ExtractComputation(this));
        }
    }
}
