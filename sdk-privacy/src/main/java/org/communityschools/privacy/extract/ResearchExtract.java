package org.communityschools.privacy.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.internal.write.CsvFileWriter;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.DataField;
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
    private static final Map<String, StudentCharacteristicType> CHARACTERISTICS = Map.of(
            "programs.englishLearner", StudentCharacteristicType.ENGLISH_LEARNER,
            "programs.homeless", StudentCharacteristicType.HOMELESS,
            "programs.fosterCare", StudentCharacteristicType.FOSTER_CARE,
            "programs.migrant", StudentCharacteristicType.MIGRANT,
            "specialEducation.disability", StudentCharacteristicType.DISABILITY);
    private static final Set<String> CARRIED = Set.of("demographics.birthDate", "demographics.sex",
            "demographics.raceEthnicity", "directory.school", "directory.gradeLevel", "directory.enrollmentDates",
            "directory.exitWithdrawType", "attendance.records", "coursework.cohort", "programs.englishLearner",
            "programs.homeless", "programs.fosterCare", "programs.migrant", "specialEducation.disability");

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

    private ResearchExtract(Builder b, Computed c) {
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

    /** {@return a builder for an extract of {@code data} under the agreement {@code agreement}} */
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

    /** How the research ids were made. */
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

    /** {@return the file named {@code name}} */
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

    /** {@link #write(Path, DisclosureSink, Clock)} with the system clock. */
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
        private final DistrictData data;
        private final AgreementId agreementId;
        private @Nullable Pseudonymizer pseudonyms;
        private @Nullable StaffId recipient;
        private @Nullable Clock clock;
        private @Nullable Integer kSetting;
        private int k = 5;
        private @Nullable KStrategy strategy;
        private @Nullable Set<Generalization> generalize;
        private @Nullable List<QuasiIdentifier> quasi;
        private @Nullable FieldCatalog catalog;

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
            return new ResearchExtract(this, new Computed(this));
        }
    }

    /** The work of {@link Builder#build()}. */
    private static final class Computed {
        final DataSharingAgreement agreement;
        final LocalDate today;
        /** The records the agreement covers on the day of the extract ({@link RecordScope#agreementLimits}). */
        final RecordScope scope;
        final List<QuasiIdentifier> quasiIdentifiers;
        final Set<Generalization> generalizations;
        List<EquivalenceClass> violations = List.of();
        int suppressed;
        final List<String> fields = new ArrayList<>();
        final Map<String, String> withheld = new LinkedHashMap<>();
        final List<StudentId> students = new ArrayList<>();
        final List<ExtractTable> tables = new ArrayList<>();

        Computed(Builder b) {
            Clock clock = b.clock == null ? Clock.systemUTC() : b.clock;
            this.today = LocalDate.now(clock);
            if (b.data.agreementHistory(b.agreementId).isEmpty()) {
                throw new ExtractRefusedException("no agreement " + b.agreementId + " in the district data");
            }
            // the version that governs today: a later version has not taken effect, an earlier one is replaced
            this.agreement = b.data.agreementVersionOn(b.agreementId, today).orElseThrow(
                    () -> new ExtractRefusedException("agreement " + b.agreementId + " has no version in effect on " + today));
            checkAgreement();
            FieldCatalog catalog = b.catalog == null ? FieldCatalog.defaultCatalog() : b.catalog;
            List<String> unknown = catalog.unknownElements(agreement.dataElements());
            if (!unknown.isEmpty()) {
                throw new ExtractRefusedException("agreement " + agreement.id() + " names data elements the field catalog "
                        + "does not know, so nothing is disclosed: " + unknown);
            }
            Set<String> granted = new LinkedHashSet<>();
            for (DataField f : catalog.resolve(agreement.dataElements())) {
                String path = f.path().toString();
                if (path.startsWith("identity.") || path.startsWith("contact.")) {
                    withheld.put(path, "direct identifier: never in an extract");
                } else if (f.has(Sensitivity.FREE_TEXT)) {
                    withheld.put(path, "free text: never in an extract");
                } else if (f.has(Sensitivity.MEAL_ELIGIBILITY_NSLA)) {
                    withheld.put(path, "meal eligibility: a FERPA basis does not authorize it (42 USC 1758(b)(6))");
                } else if (!CARRIED.contains(path)) {
                    withheld.put(path, "not carried by research extracts yet");
                } else {
                    granted.add(path);
                }
            }
            if (granted.isEmpty()) {
                throw new ExtractRefusedException("agreement " + agreement.id() + " grants no field a research extract carries");
            }
            fields.addAll(granted.stream().sorted().toList());

            List<QuasiIdentifier> available = new ArrayList<>();
            if (granted.contains("demographics.birthDate")) {
                available.add(QuasiIdentifier.BIRTH);
            }
            if (granted.contains("demographics.sex")) {
                available.add(QuasiIdentifier.SEX);
            }
            if (granted.contains("demographics.raceEthnicity")) {
                available.add(QuasiIdentifier.RACE_ETHNICITY);
            }
            if (granted.contains("directory.school")) {
                available.add(QuasiIdentifier.SCHOOL);
            }
            if (granted.contains("directory.gradeLevel")) {
                available.add(QuasiIdentifier.GRADE);
            }
            List<QuasiIdentifier> qi = b.quasi == null ? available : b.quasi.stream().filter(available::contains).toList();
            this.quasiIdentifiers = qi;
            Set<Generalization> gen = EnumSet.noneOf(Generalization.class);
            gen.addAll(b.generalize == null ? Set.of(Generalization.BIRTH_DATE_TO_YEAR) : b.generalize);

            // scope: enrollments with a day at the agreement's schools, in its school years and period, up to today
            this.scope = RecordScope.of(RecordScope.agreementLimits(agreement, today));
            Map<StudentId, List<Enrollment>> enrollments = new TreeMap<>(Comparator.comparing(StudentId::value));
            for (Enrollment e : b.data.enrollments()) {
                if (scope.coversAny(e.schoolId(), e.period())) {
                    enrollments.computeIfAbsent(e.studentId(), s -> new ArrayList<>()).add(e);
                }
            }
            Map<StudentId, String> ids = new HashMap<>();
            for (StudentId s : enrollments.keySet()) {
                ids.put(s, b.pseudonyms.pseudonym(s));
            }

            // k-anonymity over students.csv
            KStrategy strategy = b.strategy == null ? KStrategy.GENERALIZE_THEN_SUPPRESS : b.strategy;
            Set<StudentId> dropped = new LinkedHashSet<>();
            if (b.k > 1 && !qi.isEmpty()) {
                this.violations = KAnonymity.violations(quasiRows(b, enrollments, qi, gen), b.k);
                if (!violations.isEmpty()) {
                    if (strategy == KStrategy.REFUSE) {
                        throw new ExtractRefusedException(violations.size() + " equivalence classes of "
                                + violationRows(violations) + " students are below k = " + b.k + " over " + qi);
                    }
                    if (strategy == KStrategy.GENERALIZE_THEN_SUPPRESS) {
                        Map<Generalization, QuasiIdentifier> coarsens = new LinkedHashMap<>();
                        coarsens.put(Generalization.BIRTH_DATE_TO_YEAR, QuasiIdentifier.BIRTH);
                        coarsens.put(Generalization.GRADE_TO_BAND, QuasiIdentifier.GRADE);
                        coarsens.put(Generalization.SCHOOL_TO_TYPE, QuasiIdentifier.SCHOOL);
                        for (Map.Entry<Generalization, QuasiIdentifier> g : coarsens.entrySet()) {
                            if (KAnonymity.holds(quasiRows(b, enrollments, qi, gen), b.k)) {
                                break;
                            }
                            if (qi.contains(g.getValue())) { // only what coarsens a declared quasi-identifier
                                gen.add(g.getKey());
                            }
                        }
                    }
                    List<List<String>> rows = quasiRows(b, enrollments, qi, gen);
                    Set<List<String>> small = new java.util.HashSet<>();
                    KAnonymity.violations(rows, b.k).forEach(c -> small.add(c.values()));
                    int i = 0;
                    for (StudentId s : enrollments.keySet()) {
                        if (small.contains(rows.get(i++))) {
                            dropped.add(s);
                        }
                    }
                }
            }
            this.generalizations = gen;
            this.suppressed = dropped.size();
            dropped.forEach(enrollments::remove);
            students.addAll(enrollments.keySet());
            write(b, granted, enrollments, ids, gen);
        }

        private static int violationRows(List<EquivalenceClass> classes) {
            return classes.stream().mapToInt(EquivalenceClass::size).sum();
        }

        private void checkAgreement() {
            String id = "agreement " + agreement.id();
            if (agreement.legalBasis() != LegalBasis.STUDIES && agreement.legalBasis() != LegalBasis.AUDIT_EVALUATION) {
                throw new ExtractRefusedException(id + " has legal basis " + agreement.legalBasis() + "; a research extract "
                        + "needs a studies (34 CFR 99.31(a)(6)) or audit/evaluation (99.31(a)(3), 99.35) agreement");
            }
            if (agreement.status() != AgreementStatus.ACTIVE) {
                throw new ExtractRefusedException(id + " is " + agreement.status() + ", not ACTIVE");
            }
            if (!agreement.term().contains(today)) {
                throw new ExtractRefusedException(id + " is not in force on " + today + " (in force " + agreement.effectiveDate()
                        + " to " + agreement.endDate() + ")");
            }
        }

        private static Enrollment latest(List<Enrollment> es) {
            return es.stream().max(Comparator.comparing(Enrollment::entryDate)).orElseThrow();
        }

        private List<List<String>> quasiRows(Builder b, Map<StudentId, List<Enrollment>> enrollments,
                List<QuasiIdentifier> qi, Set<Generalization> gen) {
            List<List<String>> rows = new ArrayList<>(enrollments.size());
            for (Map.Entry<StudentId, List<Enrollment>> e : enrollments.entrySet()) {
                Student s = b.data.student(e.getKey()).orElseThrow(() -> new IllegalStateException(
                        "an enrollment names a student the data does not hold"));
                Enrollment last = latest(e.getValue());
                List<String> row = new ArrayList<>(qi.size());
                for (QuasiIdentifier q : qi) {
                    row.add(switch (q) {
                        case BIRTH -> birth(s.birthDate(), gen);
                        case SEX -> s.sex().name();
                        case RACE_ETHNICITY -> s.raceEthnicity().name();
                        case SCHOOL -> school(b.data, last.schoolId(), gen);
                        case GRADE -> grade(last.entryGrade(), gen);
                    });
                }
                rows.add(row);
            }
            return rows;
        }

        private void write(Builder b, Set<String> granted, Map<StudentId, List<Enrollment>> enrollments,
                Map<StudentId, String> ids, Set<Generalization> gen) {
            List<String> header = new ArrayList<>(List.of("research_id"));
            if (granted.contains("demographics.birthDate")) {
                header.add(gen.contains(Generalization.BIRTH_DATE_TO_YEAR) ? "birth_year" : "birth_date");
            }
            if (granted.contains("demographics.sex")) {
                header.add("sex");
            }
            if (granted.contains("demographics.raceEthnicity")) {
                header.add("race_ethnicity");
            }
            if (granted.contains("directory.school")) {
                header.add(gen.contains(Generalization.SCHOOL_TO_TYPE) ? "school_type" : "school_id");
            }
            if (granted.contains("directory.gradeLevel")) {
                header.add(gen.contains(Generalization.GRADE_TO_BAND) ? "grade_band" : "grade");
            }
            if (granted.contains("coursework.cohort")) {
                header.add("ninth_grade_cohort");
            }
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<StudentId, List<Enrollment>> e : enrollments.entrySet()) {
                Student s = b.data.student(e.getKey()).orElseThrow();
                Enrollment last = latest(e.getValue());
                List<String> row = new ArrayList<>(List.of(ids.get(e.getKey())));
                if (granted.contains("demographics.birthDate")) {
                    row.add(birth(s.birthDate(), gen));
                }
                if (granted.contains("demographics.sex")) {
                    row.add(s.sex().name());
                }
                if (granted.contains("demographics.raceEthnicity")) {
                    row.add(s.raceEthnicity().name());
                }
                if (granted.contains("directory.school")) {
                    row.add(school(b.data, last.schoolId(), gen));
                }
                if (granted.contains("directory.gradeLevel")) {
                    row.add(grade(last.entryGrade(), gen));
                }
                if (granted.contains("coursework.cohort")) {
                    row.add(s.ninthGradeCohort().map(y -> Integer.toString(y.endYear())).orElse(""));
                }
                rows.add(row);
            }
            tables.add(new ExtractTable("students.csv", header, rows));

            boolean enrollmentFile = granted.contains("directory.enrollmentDates") || granted.contains("directory.exitWithdrawType")
                    || granted.contains("directory.school") && granted.contains("directory.gradeLevel");
            if (enrollmentFile) {
                List<String> eh = new ArrayList<>(List.of("research_id"));
                boolean school = granted.contains("directory.school");
                boolean grade = granted.contains("directory.gradeLevel");
                boolean dates = granted.contains("directory.enrollmentDates");
                boolean exit = granted.contains("directory.exitWithdrawType");
                if (school) {
                    eh.add(gen.contains(Generalization.SCHOOL_TO_TYPE) ? "school_type" : "school_id");
                }
                if (grade) {
                    eh.add(gen.contains(Generalization.GRADE_TO_BAND) ? "entry_grade_band" : "entry_grade");
                }
                if (dates) {
                    eh.add("entry_date");
                    eh.add("exit_date");
                }
                if (exit) {
                    eh.add("exit_type");
                }
                List<List<String>> er = new ArrayList<>();
                enrollments.forEach((s, es) -> es.stream().sorted(Comparator.comparing(Enrollment::entryDate)).forEach(e -> {
                    List<String> row = new ArrayList<>(List.of(ids.get(s)));
                    if (school) {
                        row.add(school(b.data, e.schoolId(), gen));
                    }
                    if (grade) {
                        row.add(grade(e.entryGrade(), gen));
                    }
                    // an entry or exit outside the agreement's scope is not disclosed: its cell is left blank
                    boolean entryShown = scope.covers(e.schoolId(), e.entryDate());
                    boolean exitShown = e.exitWithdrawDate().filter(d -> scope.covers(e.schoolId(), d)).isPresent();
                    if (dates) {
                        row.add(entryShown ? e.entryDate().toString() : "");
                        row.add(exitShown ? e.exitWithdrawDate().get().toString() : "");
                    }
                    if (exit) {
                        row.add(exitShown ? e.exitWithdrawType().map(Enum::name).orElse("") : "");
                    }
                    er.add(row);
                }));
                tables.add(new ExtractTable("enrollments.csv", eh, er));
            }

            if (granted.contains("attendance.records")) {
                List<List<String>> ar = new ArrayList<>();
                for (StudentId s : enrollments.keySet()) {
                    b.data.attendance().recordsOf(s).forEach(r -> {
                        if (scope.covers(r.schoolId(), r.date())) {
                            ar.add(List.of(ids.get(s), r.date().toString(), school(b.data, r.schoolId(), gen),
                                    r.category().name(), dayShare(r.duration().tenThousandths())));
                        }
                    });
                }
                tables.add(new ExtractTable("attendance.csv", List.of("research_id", "date",
                        gen.contains(Generalization.SCHOOL_TO_TYPE) ? "school_type" : "school_id", "category", "duration"), ar));
            }

            Set<StudentCharacteristicType> types = EnumSet.noneOf(StudentCharacteristicType.class);
            CHARACTERISTICS.forEach((path, type) -> {
                if (granted.contains(path)) {
                    types.add(type);
                }
            });
            if (!types.isEmpty()) {
                List<List<String>> cr = new ArrayList<>();
                for (StudentId s : enrollments.keySet()) {
                    // a characteristic has no school: in scope on the days the scope covers at the agreement schools
                    // where the student was enrolled; its start and end only when that day is in scope
                    Set<SchoolId> at = new LinkedHashSet<>();
                    enrollments.get(s).forEach(e -> at.add(e.schoolId()));
                    b.data.characteristicsOf(s).stream().filter(c -> types.contains(c.characteristic()))
                            .filter(c -> at.stream().anyMatch(x -> scope.coversAny(x, c.period())))
                            .forEach(c -> cr.add(List.of(ids.get(s), c.characteristic().name(),
                                    at.stream().anyMatch(x -> scope.covers(x, c.period().start()))
                                            ? c.period().start().toString() : "",
                                    c.period().lastDay().filter(d -> at.stream().anyMatch(x -> scope.covers(x, d)))
                                            .map(LocalDate::toString).orElse(""))));
                }
                tables.add(new ExtractTable("characteristics.csv",
                        List.of("research_id", "characteristic", "start_date", "end_date"), cr));
            }
        }

        private static String birth(LocalDate date, Set<Generalization> gen) {
            return gen.contains(Generalization.BIRTH_DATE_TO_YEAR) ? Integer.toString(date.getYear()) : date.toString();
        }

        private static String school(DistrictData data, SchoolId id, Set<Generalization> gen) {
            if (!gen.contains(Generalization.SCHOOL_TO_TYPE)) {
                return id.value();
            }
            return data.school(id).map(s -> s.schoolType().name()).orElse("UNKNOWN");
        }

        private static String grade(GradeLevel grade, Set<Generalization> gen) {
            if (!gen.contains(Generalization.GRADE_TO_BAND)) {
                return grade.code();
            }
            return switch (grade) {
                case PK, KG, G01, G02, G03, G04, G05 -> "PK-05";
                case G06, G07, G08 -> "06-08";
                default -> "09-12";
            };
        }

        private static String dayShare(int tenThousandths) {
            return BigDecimal.valueOf(tenThousandths, 4).stripTrailingZeros().toPlainString();
        }
    }
}
