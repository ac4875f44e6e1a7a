package org.communityschools.privacy.extract;

import java.math.BigDecimal;
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
import java.util.Set;
import java.util.TreeMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.Student;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.policy.RecordScope;
import org.communityschools.privacy.Sensitivity;
import org.communityschools.privacy.extract.ResearchExtract.KStrategy;

/** The work of {@link ResearchExtract.Builder#build()}: checks the agreement, picks the students and fields, builds the files. */
final class ExtractComputation {
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

    ExtractComputation(ResearchExtract.Builder b) {
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

    private List<List<String>> quasiRows(ResearchExtract.Builder b, Map<StudentId, List<Enrollment>> enrollments,
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

    private void write(ResearchExtract.Builder b, Set<String> granted, Map<StudentId, List<Enrollment>> enrollments,
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
