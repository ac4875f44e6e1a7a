package org.communityschools.core.data;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Collections;
import org.communityschools.core.model.DataCategory;

/**
 * The data elements an agreement in {@code agreements.json} may name: the field paths of a field catalog
 * ({@code attendance.records}) and every {@link DataCategory} name ({@code ATTENDANCE}). The directory reader rejects
 * an agreement that names anything else, at the array element, with rule {@code agreement.data-element}: an element
 * the policy engine does not know would grant nothing, and dropping it silently would hide a mistake in the agreement.
 *
 * <p>The field catalog lives in the privacy module, which depends on this one; {@link #standard()} holds the paths of
 * its default catalog (the privacy module checks that the two agree). A host with its own catalog passes that
 * catalog's paths, {@code DistrictDataReader.builder().dataElements(DataElements.of(catalog paths))}. Immutable and
 * thread-safe.
 */
public final class DataElements {
    private static final DataElements STANDARD = of(List.of(
            "identity.studentId", "identity.name",
            "contact.address", "contact.phone", "contact.guardians",
            "demographics.birthDate", "demographics.sex", "demographics.raceEthnicity",
            "directory.school", "directory.gradeLevel", "directory.enrollmentDates", "directory.exitWithdrawType",
            "attendance.records", "attendance.records.reason", "attendance.summary",
            "behavior.incidents", "behavior.incidents.action", "behavior.incidents.description",
            "coursework.marks", "coursework.cohort", "coursework.diplomas",
            "assessments.scores",
            "programs.englishLearner", "programs.homeless", "programs.fosterCare", "programs.migrant",
            "specialEducation.disability", "specialEducation.section504",
            "mealEligibility.economicallyDisadvantaged",
            "health.visits", "health.immunizations",
            "interventions.participation", "interventions.participation.goal",
            "caseNotes.notes", "meetings.actionSteps", "meetings.notes"));

    private final SortedSet<String> fieldPaths;

    private DataElements(SortedSet<String> fieldPaths) {
        this.fieldPaths = fieldPaths;
    }

    /**
     * {@return the field paths of the SDK's default field catalog (docs/privacy-field-catalog.md) and the category
     * names}
     */
    public static DataElements standard() {
        return STANDARD;
    }

    /**
     * These field paths and the category names.
     *
     * @param fieldPaths the field paths of the catalog, such as {@code attendance.records}
     * @return the data elements
     * @throws IllegalArgumentException when a path is not of the form {@code segment.segment…} (lower camel case)
     */
    public static DataElements of(Collection<String> fieldPaths) {
        SortedSet<String> paths = new TreeSet<>();
        for (String p : Objects.requireNonNull(fieldPaths, "fieldPaths")) {
            if (!Objects.requireNonNull(p, "field path").matches("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*")) {
                throw new IllegalArgumentException("a field path is lower camel case segments joined by '.', "
                        + "such as attendance.records, was '" + p + "'");
            }
            paths.add(p);
        }
        return new DataElements(Collections.unmodifiableSortedSet(paths));
    }

    /** {@return the known field paths, sorted} */
    public SortedSet<String> fieldPaths() {
        return fieldPaths;
    }

    /**
     * {@return whether {@code element} is a known field path or the name of a {@link DataCategory} (case-sensitive)}
     *
     * @param element a data element of an agreement
     */
    public boolean isKnown(String element) {
        Objects.requireNonNull(element, "element");
        if (fieldPaths.contains(element)) {
            return true;
        }
        for (DataCategory c : DataCategory.values()) {
            if (c.name().equals(element)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataElements other && fieldPaths.equals(other.fieldPaths);
    }

    @Override
    public int hashCode() {
        return fieldPaths.hashCode();
    }

    /** {@code DataElements[34 field paths]}. */
    @Override
    public String toString() {
        return "DataElements[" + fieldPaths.size() + " field paths]";
    }
}
