package org.communityschools.privacy;

import static org.communityschools.core.model.DataCategory.*;
import static org.communityschools.privacy.Sensitivity.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.model.DataCategory;

/**
 * The allow-list of the fields of a student record view: every field has a stable {@link FieldPath}, belongs to
 * exactly one {@link DataCategory} and carries its {@link Sensitivity} tags. A path the catalog does not know can
 * never be disclosed (privacy fails closed). {@link #defaultCatalog()} describes the records of the district data
 * directory ({@code org.communityschools.core.model}) plus the categories the directory does not carry yet
 * (contact, assessments, health, case notes), so agreements can name them; docs/privacy-field-catalog.md lists it.
 *
 * <h2>Granting semantics: exact paths, no prefixes</h2>
 * A data element of an agreement or consent is either a field path or a {@link DataCategory} name
 * ({@link #resolve(Collection)}):
 * <ul>
 *   <li>a <b>path grants exactly that field</b>. Granting {@code attendance.records} does <em>not</em> grant
 *       {@code attendance.records.reason}: a child field must be named itself. This is the include-only allow-list
 *       of Ed-Fi Profiles, chosen so that a child field added to the catalog later (say a new free-text note below
 *       an existing record) stays hidden from every existing agreement until someone grants it;</li>
 *   <li>a <b>category name grants every field of that category</b>, including fields added to the category later:
 *       this is what a consent that names categories (34 CFR 99.30(b)(1)) means. A field's category is its own:
 *       {@code behavior.incidents.description} is free text and belongs to {@code CASE_NOTES}, so granting
 *       {@code BEHAVIOR} does not disclose it.</li>
 * </ul>
 * A child field's values live inside its parent's records, so a child granted without its parent discloses
 * nothing (the planned redaction shows a child only inside a disclosed parent).
 *
 * <p>Structure rules, checked by {@link Builder#build()}: paths are unique, and the parent of a path with three or
 * more segments ({@code attendance.records} for {@code attendance.records.reason}) is itself a field of the catalog.
 * Immutable and thread-safe.
 */
public final class FieldCatalog {
    private static final FieldCatalog DEFAULT = defaultBuilder().build();

    private final SortedMap<String, DataField> byPath;
    private final Map<DataCategory, List<DataField>> byCategory;
    private final List<DataField> fields;

    private FieldCatalog(SortedMap<String, DataField> byPath) {
        this.byPath = Collections.unmodifiableSortedMap(new TreeMap<>(byPath));
        this.fields = List.copyOf(this.byPath.values());
        Map<DataCategory, List<DataField>> cats = new EnumMap<>(DataCategory.class);
        for (DataCategory c : DataCategory.values()) {
            List<DataField> of = new ArrayList<>();
            for (DataField f : fields) {
                if (f.category() == c) {
                    of.add(f);
                }
            }
            cats.put(c, List.copyOf(of));
        }
        this.byCategory = Collections.unmodifiableMap(cats);
    }

    /** {@return the SDK's catalog of the student record view; see docs/privacy-field-catalog.md} */
    public static FieldCatalog defaultCatalog() {
        return DEFAULT;
    }

    /** {@return an empty builder, for a district that defines its own catalog} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this catalog's fields, to extend or adapt it} */
    public Builder toBuilder() {
        Builder b = new Builder();
        fields.forEach(b::add);
        return b;
    }

    /**
     * {@return the field at {@code path}; empty when the path is unknown or not even well-formed}
     *
     * @param path a field path, such as {@code attendance.records}
     */
    public Optional<DataField> field(String path) {
        Objects.requireNonNull(path, "path");
        return Optional.ofNullable(byPath.get(path));
    }

    /**
     * {@return the field at {@code path}; empty when the catalog does not know it}
     *
     * @param path a field path
     */
    public Optional<DataField> field(FieldPath path) {
        Objects.requireNonNull(path, "path");
        return Optional.ofNullable(byPath.get(path.value()));
    }

    /** {@return every field, ordered by path} */
    public List<DataField> fields() {
        return fields;
    }

    /**
     * {@return the fields of {@code category}, ordered by path (possibly none in a custom catalog)}
     *
     * @param category a data category
     */
    public List<DataField> fieldsOf(DataCategory category) {
        return byCategory.get(Objects.requireNonNull(category, "category"));
    }

    /**
     * {@return the fields carrying {@code tag}, ordered by path}
     *
     * @param tag a sensitivity tag
     */
    public List<DataField> fieldsTagged(Sensitivity tag) {
        Objects.requireNonNull(tag, "tag");
        List<DataField> out = new ArrayList<>();
        for (DataField f : fields) {
            if (f.has(tag)) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@return the direct children of {@code parent} ({@code attendance.records.reason} for {@code
     * attendance.records}), by path}
     *
     * @param parent a field path
     */
    public List<DataField> childrenOf(FieldPath parent) {
        Objects.requireNonNull(parent, "parent");
        List<DataField> out = new ArrayList<>();
        for (DataField f : byPath.tailMap(parent.value() + ".").values()) {
            if (!f.path().isWithin(parent)) {
                break;
            }
            if (f.path().parent().filter(parent::equals).isPresent()) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@return whether {@code path} names a field of this catalog}
     *
     * @param path a field path
     */
    public boolean isKnownPath(String path) {
        return byPath.containsKey(Objects.requireNonNull(path, "path"));
    }

    /**
     * {@return whether {@code name} is the name of a {@link DataCategory}, such as {@code ATTENDANCE} (case-sensitive)}
     *
     * @param name a name
     */
    public static boolean isCategoryName(String name) {
        Objects.requireNonNull(name, "name");
        for (DataCategory c : DataCategory.values()) {
            if (c.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The data elements an agreement may name under this catalog (its paths and the category names), for the district
     * data reader: {@code DistrictDataReader.builder().dataElements(catalog.dataElements())}. The default catalog's
     * are {@link DataElements#standard()}, the reader's default.
     *
     * @return the data elements of this catalog
     */
    public DataElements dataElements() {
        return DataElements.of(byPath.keySet());
    }

    /**
     * Whether {@code element} is a valid data element of an agreement or consent against this catalog: a known field
     * path or a category name.
     *
     * @param element a data element, as an agreement or consent names it
     * @return true when it is known
     */
    public boolean isKnownElement(String element) {
        return isKnownPath(element) || isCategoryName(element);
    }

    /**
     * The elements that are neither a known path nor a category name, distinct and in their given order: what a
     * policy or agreement loader reports (and then refuses) before anything is granted.
     *
     * @param elements data elements, as an agreement or consent names them
     * @return the unknown ones
     */
    public List<String> unknownElements(Collection<String> elements) {
        Objects.requireNonNull(elements, "elements");
        Set<String> out = new LinkedHashSet<>();
        for (String e : elements) {
            if (!isKnownElement(Objects.requireNonNull(e, "element"))) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The fields granted by these data elements, ordered by path and distinct: a path grants exactly its field, a
     * category name every field of the category (see the class comment).
     *
     * @param elements data elements, as an agreement or consent names them
     * @return the fields granted
     * @throws IllegalArgumentException when an element is unknown (listing every unknown element); an unknown element
     *                                  grants nothing, and a loader must refuse it rather than ignore it
     */
    public List<DataField> resolve(Collection<String> elements) {
        List<String> unknown = unknownElements(elements);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("data elements must be known field paths or data category names; unknown: " + unknown);
        }
        TreeMap<String, DataField> out = new TreeMap<>();
        for (String e : elements) {
            if (isCategoryName(e)) {
                fieldsOf(DataCategory.valueOf(e)).forEach(f -> out.put(f.path().value(), f));
            } else {
                out.put(e, byPath.get(e));
            }
        }
        return List.copyOf(out.values());
    }

    @Override
    public String toString() {
        return "FieldCatalog[" + fields.size() + " fields]";
    }

    /**
     * Collects fields for a {@link FieldCatalog}. Each {@link #add} is checked at once (a duplicate path is refused);
     * {@link #build()} checks the structure (every parent exists). Not thread-safe; the catalog it builds is.
     */
    public static final class Builder {
        private final TreeMap<String, DataField> fields = new TreeMap<>();

        private Builder() {}

        /**
         * Adds a field; throws {@link IllegalArgumentException} when the path is already in the catalog.
         *
         * @param field the field
         * @return this builder
         */
        public Builder add(DataField field) {
            Objects.requireNonNull(field, "field");
            if (fields.putIfAbsent(field.path().value(), field) != null) {
                throw new IllegalArgumentException("field paths must be unique; duplicate: " + field.path());
            }
            return this;
        }

        /**
         * Adds a field with these properties; {@code source} may be empty text for "not in the directory".
         *
         * @param path the field's path
         * @param category its data category
         * @param description what the field holds
         * @param source the directory file and columns it comes from, or empty text
         * @param tags its sensitivity tags
         * @return this builder
         */
        public Builder add(String path, DataCategory category, String description, String source, Sensitivity... tags) {
            Set<Sensitivity> set = new TreeSet<>(List.of(tags));
            return add(new DataField(FieldPath.of(path), category, set, description,
                    source.isEmpty() ? Optional.empty() : Optional.of(source)));
        }

        /**
         * The catalog.
         *
         * @return the catalog
         * @throws IllegalArgumentException when a field's parent is not in the catalog
         */
        public FieldCatalog build() {
            for (DataField f : fields.values()) {
                f.path().parent().ifPresent(parent -> {
                    if (!fields.containsKey(parent.value())) {
                        throw new IllegalArgumentException("the parent of a field must be a field of the catalog: "
                                + f.path() + " needs " + parent);
                    }
                });
            }
            return new FieldCatalog(fields);
        }
    }

    private static Builder defaultBuilder() {
        return new Builder()
                .add("identity.studentId", IDENTITY, "the district's student identifier", "students.csv: student_id",
                        DIRECTORY_INFORMATION)
                .add("identity.name", IDENTITY, "first and last name", "students.csv: first_name, last_name",
                        DIRECTORY_INFORMATION)
                .add("contact.address", CONTACT, "home address", "", DIRECTORY_INFORMATION)
                .add("contact.phone", CONTACT, "telephone numbers", "", DIRECTORY_INFORMATION)
                .add("contact.guardians", CONTACT, "parents and guardians, with their contact details", "")
                .add("demographics.birthDate", DEMOGRAPHICS, "date of birth", "students.csv: birth_date",
                        DIRECTORY_INFORMATION)
                .add("demographics.sex", DEMOGRAPHICS, "sex as reported", "students.csv: sex")
                .add("demographics.raceEthnicity", DEMOGRAPHICS, "race/ethnicity in the federal categories",
                        "students.csv: race_ethnicity")
                .add("directory.school", DIRECTORY, "the schools the student is or was enrolled at",
                        "enrollments.csv: school_id", DIRECTORY_INFORMATION)
                .add("directory.gradeLevel", DIRECTORY, "grade level", "enrollments.csv: entry_grade",
                        DIRECTORY_INFORMATION)
                .add("directory.enrollmentDates", DIRECTORY, "dates of attendance: first and last day of each enrollment",
                        "enrollments.csv: entry_date, exit_date", DIRECTORY_INFORMATION)
                .add("directory.exitWithdrawType", DIRECTORY,
                        "why an enrollment ended (transfer, dropout, expulsion, ...) and whether it is documented; "
                                + "not directory information", "enrollments.csv: exit_type, exit_documented")
                .add("attendance.records", ATTENDANCE,
                        "daily attendance: date, school, category and share of the day missed",
                        "attendance.csv: date, school_id, category, duration")
                .add("attendance.records.reason", ATTENDANCE, "the reason given for an absence or tardy",
                        "attendance.csv: reason", FREE_TEXT)
                .add("attendance.summary", ATTENDANCE,
                        "days enrolled, days absent, attendance rate and chronic-absence status, derived from the records",
                        "derived: attendance.csv, calendar.csv, enrollments.csv")
                .add("behavior.incidents", BEHAVIOR, "incidents: identifier, date, school and kind of behavior",
                        "behavior.csv: incident_id, date, school_id, behavior")
                .add("behavior.incidents.action", BEHAVIOR, "the disciplinary action and its length in school days",
                        "behavior.csv: action, action_days")
                .add("behavior.incidents.description", CASE_NOTES, "what happened, as written by staff",
                        "behavior.csv: description", FREE_TEXT)
                .add("coursework.marks", COURSEWORK, "final course marks, results and credits attempted and earned",
                        "course_marks.csv")
                .add("coursework.cohort", COURSEWORK, "the school year of first entry into grade 9 (graduation cohort)",
                        "students.csv: ninth_grade_cohort")
                .add("coursework.diplomas", COURSEWORK,
                        "diplomas and credentials awarded; an IEP or alternate diploma reveals a disability",
                        "diplomas.csv", SPECIAL_EDUCATION_IDEA)
                .add("assessments.scores", ASSESSMENT, "state and local test scores", "")
                .add("programs.englishLearner", PROGRAMS, "periods as an English learner",
                        "student_characteristics.csv: ENGLISH_LEARNER")
                .add("programs.homeless", PROGRAMS, "periods of homelessness (McKinney-Vento)",
                        "student_characteristics.csv: HOMELESS")
                .add("programs.fosterCare", PROGRAMS, "periods in foster care", "student_characteristics.csv: FOSTER_CARE")
                .add("programs.migrant", PROGRAMS, "periods as a migratory child", "student_characteristics.csv: MIGRANT")
                .add("specialEducation.disability", SPECIAL_EDUCATION, "periods as a student with a disability under IDEA",
                        "student_characteristics.csv: DISABILITY", SPECIAL_EDUCATION_IDEA)
                .add("specialEducation.section504", SPECIAL_EDUCATION,
                        "periods with a Section 504 plan (an impairment, not IDEA eligibility)",
                        "student_characteristics.csv: SECTION_504", Sensitivity.HEALTH)
                .add("mealEligibility.economicallyDisadvantaged", MEAL_ELIGIBILITY,
                        "periods of economic disadvantage, which districts derive from free or reduced-price meal eligibility",
                        "student_characteristics.csv: ECONOMICALLY_DISADVANTAGED", MEAL_ELIGIBILITY_NSLA)
                .add("health.visits", DataCategory.HEALTH, "nurse visits", "", Sensitivity.HEALTH)
                .add("health.immunizations", DataCategory.HEALTH, "immunization status", "", Sensitivity.HEALTH)
                .add("interventions.participation", INTERVENTIONS,
                        "interventions the student takes part in: intervention, type, provider, staff member, period, status",
                        "intervention_participants.csv, interventions.csv")
                .add("interventions.participation.goal", INTERVENTIONS, "the goal stated for the student",
                        "intervention_participants.csv: goal", FREE_TEXT)
                .add("caseNotes.notes", CASE_NOTES, "notes written by directors, mentors and counselors", "", FREE_TEXT)
                .add("meetings.actionSteps", DataCategory.MEETINGS,
                        "the school team's action steps about the student: meeting, what, owner, due date, status, completion",
                        "action_steps.csv, meetings.csv")
                .add("meetings.notes", DataCategory.MEETINGS,
                        "the school team's agenda items about the student: meeting, reason and free-text notes",
                        "agenda_items.csv, meetings.csv", FREE_TEXT);
    }
}
