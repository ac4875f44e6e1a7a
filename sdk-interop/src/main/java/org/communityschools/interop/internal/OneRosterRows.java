package org.communityschools.interop.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.data.Severity;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.Sex;

/**
 * The reading half of a OneRoster import: the manifest and version, each CSV file streamed row by row (required
 * columns, identifiers, dates and flags checked, each problem located by file, line and column) into small records
 * kept until {@link OneRosterImporter} builds the model from them.
 */
abstract class OneRosterRows {
    private static final List<String> VERSIONS = List.of("1.1", "1.2");
    static final Set<String> STAFF_ROLES = Set.of("teacher", "aide", "counselor", "principal", "siteAdministrator",
            "districtAdministrator", "administrator", "proctor", "systemAdministrator");
    static final Set<String> OTHER_ROLES = Set.of("student", "guardian", "parent", "relative");
    private static final List<String> RACE_COLUMNS = List.of("americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
            "nativeHawaiianOrOtherPacificIslander", "white");
    private static final List<RaceEthnicity> RACES = List.of(RaceEthnicity.AMERICAN_INDIAN, RaceEthnicity.ASIAN, RaceEthnicity.BLACK,
            RaceEthnicity.PACIFIC_ISLANDER, RaceEthnicity.WHITE);

    final boolean lenient;
    final ReadLimits limits;
    final Issues issues = new Issues();
    /** The export folder's name, where violations about the whole export are reported. */
    String source = "";
    final Map<String, Long> counts = new TreeMap<>();
    String version = "1.2";

    record At(String file, long line, int column, String field) {}

    record Org(String sourcedId, String id, String name, String type, Optional<String> parent, At at) {}

    record Term(LocalDate start, LocalDate end) {}

    record User(String sourcedId, String id, Optional<String> given, Optional<String> family, List<GradeLevel> grades,
                        Optional<String> primaryOrg, At at, At gradesAt) {}

    record Role(String user, String role, String org, boolean primary, Optional<LocalDate> begin, Optional<LocalDate> end, At at) {}

    record Demographics(Optional<LocalDate> birth, Sex sex, RaceEthnicity race) {}

    record Klass(String school, List<String> terms, List<GradeLevel> grades) {}

    record Member(String user, String role, Optional<LocalDate> begin, Optional<LocalDate> end, At at) {}

    final Map<String, Org> orgs = new LinkedHashMap<>();
    final Map<String, Term> sessions = new HashMap<>();
    final List<Term> schoolYears = new ArrayList<>();
    final Map<String, User> users = new LinkedHashMap<>();
    final List<Role> roles = new ArrayList<>();
    final Map<String, Demographics> demographics = new HashMap<>();
    final Map<String, Klass> classes = new LinkedHashMap<>();
    final Map<String, List<Member>> members = new LinkedHashMap<>();
    final Set<String> usedIds = new java.util.HashSet<>();

    OneRosterRows(boolean lenient, ReadLimits limits) {
        this.lenient = lenient;
        this.limits = limits;
    }

    // ---------------------------------------------------------------- files

    /** manifest.csv: propertyName → value; sets the version. Without a manifest, the users.csv header decides. */
    Map<String, String> manifest(Path dir) {
        Map<String, String> out = new HashMap<>();
        Path file = dir.resolve("manifest.csv");
        if (!Files.exists(file)) {
            issues.add(Severity.ERROR, "manifest.csv", 0, 0, Optional.empty(), Optional.empty(), "oneroster.manifest-missing",
                    "a OneRoster export must have a manifest.csv (OneRoster 1.1 and 1.2 CSV binding): it gives the version and "
                            + "the files present; without it " + dir.getFileName() + " is not read as an export");
            Path users = dir.resolve("users.csv");
            if (Files.exists(users)) {
                CsvTable.read(users, List.of(), r -> { }, new Issues(), limits).ifPresent(h -> version = h.contains("role") ? "1.1" : "1.2");
            }
            return out;
        }
        CsvTable.read(file, List.of("propertyName", "value"), r -> {
            String key = r.get("propertyName").orElse("");
            String value = r.get("value").orElse("");
            out.put(key, value);
            if (key.equals("oneroster.version")) {
                String v = value.length() > 3 && value.startsWith("1.") ? value.substring(0, 3) : value;
                if (VERSIONS.contains(v)) {
                    version = v;
                } else {
                    error(at(r, "value"), "oneroster.version-unsupported", Optional.of(value), "oneroster.version must be 1.1 or 1.2");
                }
            }
        }, issues, limits);
        return out;
    }

    void read(Path dir, Map<String, String> manifest, String name, List<String> required, java.util.function.Consumer<CsvTable.Row> rows) {
        String mode = manifest.getOrDefault("file." + name.substring(0, name.length() - 4), "").toLowerCase(Locale.ROOT);
        Path file = dir.resolve(name);
        if (mode.equals("absent")) {
            return;
        }
        if (mode.equals("delta")) {
            issues.add(Severity.ERROR, "manifest.csv", 0, 0, Optional.of("file." + name.substring(0, name.length() - 4)), Optional.of("delta"),
                    "oneroster.delta-unsupported", "only bulk files are imported; " + name + " is a delta");
            return;
        }
        if (!Files.exists(file)) {
            if (mode.equals("bulk")) {
                issues.add(Severity.ERROR, name, 0, 0, Optional.empty(), Optional.empty(), "file.missing", "the manifest lists " + name + " as bulk but the file is missing");
            }
            return;
        }
        CsvTable.read(file, required, r -> {
            if (r.get("status").map(s -> s.equalsIgnoreCase("tobedeleted")).orElse(false)) {
                issues.add(Severity.WARNING, r.file(), r.line(), r.column("status"), Optional.of("status"), Optional.of("tobedeleted"),
                        "oneroster.row-deleted", "a row marked tobedeleted is not imported");
                return;
            }
            counts.merge(name, 1L, Long::sum);
            rows.accept(r);
        }, issues, limits);
    }

    void org(CsvTable.Row r) {
        Optional<String> sourced = required(r, "sourcedId");
        Optional<String> name = required(r, "name");
        Optional<String> type = required(r, "type");
        if (sourced.isEmpty() || name.isEmpty() || type.isEmpty()) {
            return;
        }
        if (orgs.containsKey(sourced.get())) {
            error(at(r, "sourcedId"), "unique.id", sourced, "a sourcedId must appear once in orgs.csv");
            return;
        }
        String t = type.get();
        if (!t.equals("district") && !t.equals("school")) {
            return; // department, local, state, national: not part of the model
        }
        Optional<String> id = modelId(r, r.get("identifier"), sourced.get());
        id.ifPresent(x -> orgs.put(sourced.get(), new Org(sourced.get(), x, name.get().length() > 200 ? name.get().substring(0, 200) : name.get(),
                t, r.get("parentSourcedId"), at(r, "sourcedId"))));
    }

    void session(CsvTable.Row r) {
        Optional<String> sourced = required(r, "sourcedId");
        Optional<LocalDate> start = date(r, "startDate", true);
        Optional<LocalDate> end = date(r, "endDate", true);
        if (sourced.isEmpty() || start.isEmpty() || end.isEmpty()) {
            return;
        }
        if (end.get().isBefore(start.get())) {
            error(at(r, "endDate"), "field.date-order", Optional.of(end.get().toString()), "endDate must not be before startDate " + start.get());
            return;
        }
        Term t = new Term(start.get(), end.get());
        sessions.put(sourced.get(), t);
        if (r.get("type").filter("schoolYear"::equals).isPresent()) {
            schoolYears.add(t);
        }
    }

    void user(CsvTable.Row r) {
        Optional<String> sourced = required(r, "sourcedId");
        if (sourced.isEmpty()) {
            return;
        }
        if (users.containsKey(sourced.get())) {
            error(at(r, "sourcedId"), "unique.id", sourced, "a sourcedId must appear once in users.csv");
            return;
        }
        List<GradeLevel> grades = new ArrayList<>();
        for (String g : r.get("grades").map(s -> s.split(",")).orElse(new String[0])) {
            grade(g.strip()).ifPresent(grades::add);
        }
        Optional<String> id = modelId(r, r.get("identifier"), sourced.get());
        if (id.isEmpty()) {
            return;
        }
        Optional<String> primaryOrg = r.get("primaryOrgSourcedId");
        if (version.equals("1.1")) {
            Optional<String> role = required(r, "role");
            List<String> orgIds = r.get("orgSourcedIds").map(s -> List.of(s.split(","))).orElse(List.of());
            if (orgIds.isEmpty()) {
                error(at(r, "orgSourcedIds"), "field.required", Optional.empty(), "a OneRoster 1.1 user must name their orgs (orgSourcedIds)");
            }
            for (int i = 0; i < orgIds.size() && role.isPresent(); i++) {
                roles.add(new Role(sourced.get(), role.get(), orgIds.get(i).strip(), i == 0, Optional.empty(), Optional.empty(), at(r, "role")));
            }
            if (primaryOrg.isEmpty() && !orgIds.isEmpty()) {
                primaryOrg = Optional.of(orgIds.get(0).strip());
            }
        }
        users.put(sourced.get(), new User(sourced.get(), id.get(), r.get("givenName"), r.get("familyName"), grades, primaryOrg,
                at(r, "sourcedId"), at(r, "grades")));
    }

    void role(CsvTable.Row r) {
        Optional<String> user = required(r, "userSourcedId");
        Optional<String> role = required(r, "role");
        Optional<String> org = required(r, "orgSourcedId");
        Optional<LocalDate> begin = date(r, "beginDate", false);
        Optional<LocalDate> end = date(r, "endDate", false);
        if (user.isEmpty() || role.isEmpty() || org.isEmpty()) {
            return;
        }
        roles.add(new Role(user.get(), role.get(), org.get(), r.get("roleType").filter("primary"::equals).isPresent(), begin, end, at(r, "role")));
    }

    void demographics(CsvTable.Row r) {
        Optional<String> sourced = required(r, "sourcedId");
        Optional<LocalDate> birth = date(r, "birthDate", false);
        Sex sex = switch (r.get("sex").orElse("unspecified")) {
            case "male" -> Sex.MALE;
            case "female" -> Sex.FEMALE;
            case "other" -> Sex.NON_BINARY;
            case "unspecified" -> Sex.NOT_SELECTED;
            default -> {
                error(at(r, "sex"), "field.invalid", r.get("sex"), "sex must be male, female, other or unspecified");
                yield Sex.NOT_SELECTED;
            }
        };
        RaceEthnicity race;
        List<RaceEthnicity> flagged = new ArrayList<>();
        for (int i = 0; i < RACE_COLUMNS.size(); i++) {
            if (flag(r, RACE_COLUMNS.get(i))) {
                flagged.add(RACES.get(i));
            }
        }
        if (flag(r, "hispanicOrLatinoEthnicity")) {
            race = RaceEthnicity.HISPANIC;
        } else if (flag(r, "demographicRaceTwoOrMoreRaces") || flagged.size() > 1) {
            race = RaceEthnicity.MULTIRACIAL;
        } else {
            race = flagged.isEmpty() ? RaceEthnicity.NOT_REPORTED : flagged.get(0);
        }
        sourced.ifPresent(s -> demographics.put(s, new Demographics(birth, sex, race)));
    }

    boolean flag(CsvTable.Row r, String column) {
        Optional<String> v = r.get(column);
        if (v.isEmpty()) {
            return false;
        }
        if (v.get().equalsIgnoreCase("true")) {
            return true;
        }
        if (!v.get().equalsIgnoreCase("false")) {
            error(at(r, column), "field.format", v, column + " must be true or false");
        }
        return false;
    }

    void klass(CsvTable.Row r) {
        Optional<String> sourced = required(r, "sourcedId");
        Optional<String> school = required(r, "schoolSourcedId");
        if (sourced.isEmpty() || school.isEmpty()) {
            return;
        }
        if (!orgs.containsKey(school.get()) || !orgs.get(school.get()).type().equals("school")) {
            error(at(r, "schoolSourcedId"), "reference.unknown-school", school, "a class's school must be a school of orgs.csv");
            return;
        }
        List<String> terms = r.get("termSourcedIds").map(s -> List.of(s.split(","))).orElse(List.of()).stream().map(String::strip).toList();
        for (String t : terms) {
            if (!sessions.containsKey(t)) {
                error(at(r, "termSourcedIds"), "reference.unknown-session", Optional.of(t), "a class's terms must be academic sessions of academicSessions.csv");
            }
        }
        List<GradeLevel> grades = new ArrayList<>();
        for (String g : r.get("grades").map(s -> s.split(",")).orElse(new String[0])) {
            grade(g.strip()).ifPresent(grades::add);
        }
        classes.put(sourced.get(), new Klass(school.get(), terms, grades));
    }

    void enrollment(CsvTable.Row r) {
        Optional<String> klass = required(r, "classSourcedId");
        Optional<String> user = required(r, "userSourcedId");
        Optional<String> role = required(r, "role");
        Optional<LocalDate> begin = date(r, "beginDate", false);
        Optional<LocalDate> end = date(r, "endDate", false);
        if (klass.isEmpty() || user.isEmpty() || role.isEmpty()) {
            return;
        }
        if (!classes.containsKey(klass.get())) {
            error(at(r, "classSourcedId"), "reference.unknown-class", klass, "the class must be in classes.csv");
            return;
        }
        if (!users.containsKey(user.get())) {
            error(at(r, "userSourcedId"), "reference.unknown-user", user, "the user must be in users.csv");
            return;
        }
        members.computeIfAbsent(klass.get(), k -> new ArrayList<>()).add(new Member(user.get(), role.get(), begin, end, at(r, "role")));
    }


    // ---------------------------------------------------------------- values

    /**
     * The model identifier of a user or org: its {@code identifier} (the SIS number districts know it by) when present,
     * else its {@code sourcedId}; a GUID loses its hyphens (32 hex digits), a longer value is shortened by {@link Ids}.
     */
    Optional<String> modelId(CsvTable.Row r, Optional<String> identifier, String sourcedId) {
        String column = identifier.isPresent() ? "identifier" : "sourcedId";
        String v = identifier.orElse(sourcedId);
        if (v.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return Optional.of(v.replace("-", "").toLowerCase(Locale.ROOT));
        }
        if (v.chars().anyMatch(Character::isWhitespace)) {
            error(at(r, column), "field.format", Optional.of(v), column + " must not contain whitespace to be an identifier");
            return Optional.empty();
        }
        String id = Ids.of(v);
        if (!id.equals(v)) {
            issues.add(Severity.WARNING, r.file(), r.line(), r.column(column), Optional.of(column), Optional.of(v), "id.shortened",
                    "an identifier longer than 32 characters is imported as " + id);
        }
        return Optional.of(id);
    }

    Optional<String> required(CsvTable.Row r, String column) {
        Optional<String> v = r.get(column);
        if (v.isEmpty()) {
            error(at(r, column), "field.required", Optional.empty(), column + " is required");
        }
        return v;
    }

    Optional<LocalDate> date(CsvTable.Row r, String column, boolean required) {
        Optional<String> v = required ? required(r, column) : r.get(column);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String s = v.get();
        try {
            return Optional.of(LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s));
        } catch (DateTimeParseException e) {
            error(at(r, column), "field.format", column.equals("birthDate") ? Optional.of("<redacted>") : v, column + " must be a date yyyy-MM-dd");
            return Optional.empty();
        }
    }

    static At at(CsvTable.Row r, String column) {
        return new At(r.file(), r.line(), r.column(column), column);
    }

    void error(At at, String rule, Optional<String> value, String message) {
        issues.add(Severity.ERROR, at.file(), at.line(), at.column(), Optional.of(at.field()), value, rule, message);
    }

    /** OneRoster grades are CEDS codes: PK and PR (preschool) → PK, TK and KG → KG, 01–12; others (IT, 13, PS, UG, Other) → none. */
    static Optional<GradeLevel> grade(String code) {
        return switch (code) {
            case "PK", "PR" -> Optional.of(GradeLevel.PK);
            case "TK", "KG" -> Optional.of(GradeLevel.KG);
            default -> code.matches("0[1-9]|1[0-2]") ? Optional.of(GradeLevel.ofNumber(Integer.parseInt(code))) : Optional.empty();
        };
    }
}
