package org.communityschools.privacy.view;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.MaskTransform;
import org.communityschools.privacy.view.internal.Fillers;
import org.communityschools.privacy.view.internal.ViewAssembler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One student's record as one requester may see it under one {@link Decision}: built only from the permitted fields of
 * a {@link FieldCatalog}, with the decision's masks applied (FERPA 34 CFR 99.31(a)(1) "reasonable methods" to give a
 * school official only the records in which they have a legitimate educational interest; include-only, like Ed-Fi
 * Profiles). The shape is one object per data category, keyed by the category's lower-case name, holding the fields by
 * their path segments; see docs/privacy-view.md.
 *
 * <p>Fail closed: a field is written only when the decision permits it, the catalog knows it, it has a source in the
 * district data directory, the view knows how to fill it, every mask on it applies, every row restriction on it is supported (only
 * {@code DELIVERED_BY_REQUESTER} on {@code interventions.participation}: the participations the requester delivers),
 * and filling it throws nothing. A
 * child field ({@code attendance.records.reason}) is written only inside a written parent. Every permitted field that
 * is left out is listed in {@link #absentFields()} with the reason (never with personal data). A decision that
 * permits nothing gives an empty view, written {@code {}}.
 *
 * <p>Immutable and thread-safe: the tree is built once and only copies of it leave.
 */
public final class StudentRecordView {
    private final Decision decision;
    private final ObjectNode tree;
    private final SortedSet<FieldPath> shown;
    private final SortedMap<FieldPath, String> absent;
    private final SortedMap<FieldPath, MaskTransform> masked;

    private StudentRecordView(Decision decision, ViewAssembler.Result r) {
        this.decision = decision;
        this.tree = r.tree();
        this.shown = Collections.unmodifiableSortedSet(r.shown());
        this.absent = Collections.unmodifiableSortedMap(r.absent());
        this.masked = Collections.unmodifiableSortedMap(r.masked());
    }

    /** The view of {@code decision}'s student in {@code data}, against the default catalog. */
    public static StudentRecordView of(DistrictData data, Decision decision) {
        return of(data, decision, FieldCatalog.defaultCatalog());
    }

    /**
     * The view of {@code decision}'s student in {@code data}, against {@code catalog} (the catalog of the policy that
     * made the decision). A field of the catalog that the view does not know how to fill is left out.
     */
    public static StudentRecordView of(DistrictData data, Decision decision, FieldCatalog catalog) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(catalog, "catalog");
        return new StudentRecordView(decision, ViewAssembler.assemble(data, decision, catalog));
    }

    /** The decision the view was built for. */
    public Decision decision() {
        return decision;
    }

    /** Whose record this is. */
    public StudentId student() {
        return decision.student();
    }

    /** Whether nothing is shown (the view writes {@code {}}). */
    public boolean isEmpty() {
        return tree.isEmpty();
    }

    /** The fields the view shows, each permitted by the decision, sorted by path. */
    public Set<FieldPath> shownFields() {
        return shown;
    }

    /**
     * The permitted fields the view leaves out, with why: no value for this student, no source in the data directory,
     * not known to the view, not in the catalog, parent not shown, removed by a mask, a mask that does not apply, or an
     * error while filling it (named by its exception type only).
     */
    public Map<FieldPath, String> absentFields() {
        return absent;
    }

    /** The fields shown through a mask, or removed by {@link MaskTransform#REMOVE}, with the transform. */
    public Map<FieldPath, MaskTransform> maskedFields() {
        return masked;
    }

    /**
     * The top-level keys present, in the order of {@link org.communityschools.core.model.DataCategory}: the lower-case
     * names of the data categories with something shown.
     */
    public Set<String> categories() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(tree.propertyNames()));
    }

    /** A copy of the view as a JSON tree; changing it changes nothing here. */
    public ObjectNode toJsonNode() {
        return (ObjectNode) Fillers.plain(tree);
    }

    /** The view as compact JSON text ({@code {}} when empty). */
    public String toJson() {
        return RecordViews.toJson(this);
    }

    JsonNode tree() {
        return tree;
    }

    @Override
    public String toString() {
        return "StudentRecordView[" + decision.student() + " for " + decision.requester() + ", " + shown.size()
                + " fields shown, " + absent.size() + " left out]";
    }
}
