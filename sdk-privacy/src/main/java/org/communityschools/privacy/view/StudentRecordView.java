package org.communityschools.privacy.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.Predicate;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.ActionStep;
import org.communityschools.core.model.AgendaItem;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Obligation;
import org.communityschools.privacy.policy.MaskTransform;
import org.communityschools.privacy.view.internal.Entries;
import org.communityschools.privacy.view.internal.Fillers;
import org.communityschools.privacy.view.internal.ViewAssembler;
import org.communityschools.privacy.view.internal.ViewBody;

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
 * <p>Scope: a record of a permitted field is written only when it lies in the scope of one of the field's grants
 * (the agreement's schools, school years and effective period; the relationship's school and history window; the
 * consent's window; never after the date of the decision), and is attributed to the first such grant by precedence of
 * basis; the others are counted in {@link #withheld()} with the reason. A period record (an enrollment, a program, an
 * intervention) is written when some day of it is in scope, its start and end only when that day is.
 *
 * <p>Record first, then show: the text of a view is obtained only through {@link #disclose}, which appends the exact
 * disclosure to the log first and returns nothing when that fails. A view is built only from a {@link Decision},
 * which only a policy engine makes.
 *
 * <p>Immutable and thread-safe: the view is built once and never leaves except as the disclosed text.
 */
public final class StudentRecordView {
    private final Decision decision;
    private final ViewBody body;
    private final SortedSet<FieldPath> shown;
    private final SortedMap<FieldPath, String> absent;
    private final SortedMap<FieldPath, MaskTransform> masked;
    private final Map<ViewAssembler.Authority, SortedMap<FieldPath, Integer>> written;
    private final List<Withheld> withheld;

    private StudentRecordView(Decision decision, ViewAssembler.Result r) {
        this.decision = decision;
        this.body = r.body();
        this.shown = Collections.unmodifiableSortedSet(r.shown());
        this.absent = Collections.unmodifiableSortedMap(r.absent());
        this.masked = Collections.unmodifiableSortedMap(r.masked());
        this.written = r.written();
        this.withheld = r.withheld();
    }

    /**
     * {@return the view of {@code decision}'s student in {@code data}, against the default catalog}
     *
     * @param data the district data
     * @param decision the decision the view shows
     */
    public static StudentRecordView of(DistrictData data, Decision decision) {
        return of(data, decision, FieldCatalog.defaultCatalog());
    }

    /**
     * The view of {@code decision}'s student in {@code data}, against {@code catalog} (the catalog of the policy that
     * made the decision). A field of the catalog that the view does not know how to fill is left out.
     *
     * @param data the district data
     * @param decision the decision the view shows
     * @param catalog the field catalog of the decision's policy
     * @return the view
     */
    public static StudentRecordView of(DistrictData data, Decision decision, FieldCatalog catalog) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(catalog, "catalog");
        return new StudentRecordView(decision, ViewAssembler.assemble(data, decision, catalog));
    }

    /**
     * The view of {@code decision}'s student as {@link #of(DistrictData, Decision, FieldCatalog)}, narrowed to the
     * meeting rows a page shows: of the student's action steps ({@code meetings.actionSteps}) only those {@code steps}
     * accepts are written, of the agenda items ({@code meetings.notes}) only those {@code items} accepts; every other
     * field is as in the full view. The selection only narrows: an accepted row is still written only in the scope of
     * the decision's grants and row filters. The disclosure entries ({@link #disclose}) then count, and their digest
     * covers, exactly the rows written, so that a page that shows one meeting's steps logs those steps and not every
     * step of the student in the viewer's scope.
     *
     * @param data the district data
     * @param decision the decision the view shows
     * @param catalog the field catalog of the decision's policy
     * @param steps which of the student's action steps to write (when in scope)
     * @param items which of the student's agenda items to write (when in scope)
     * @return the narrowed view
     */
    public static StudentRecordView ofMeetingRows(DistrictData data, Decision decision, FieldCatalog catalog,
                                                  Predicate<ActionStep> steps, Predicate<AgendaItem> items) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(items, "items");
        return new StudentRecordView(decision, ViewAssembler.assemble(data, decision, catalog, steps, items));
    }

    /** {@return the decision the view was built for} */
    public Decision decision() {
        return decision;
    }

    /**
     * Whose record this is.
     *
     * @return the student
     */
    public StudentId student() {
        return decision.student();
    }

    /** {@return whether nothing is shown (the view writes {@code {}})} */
    public boolean isEmpty() {
        return body.isEmpty();
    }

    /** {@return the fields the view shows, each permitted by the decision, sorted by path} */
    public Set<FieldPath> shownFields() {
        return shown;
    }

    /**
     * The permitted fields the view leaves out, with why: no value for this student, no source in the data directory,
     * not known to the view, not in the catalog, parent not shown, removed by a mask, a mask that does not apply, or an
     * error while filling it (named by its exception type only).
     *
     * @return the fields left out, with the reason
     */
    public Map<FieldPath, String> absentFields() {
        return absent;
    }

    /** {@return the fields shown through a mask, or removed by {@link MaskTransform#REMOVE}, with the transform} */
    public Map<FieldPath, MaskTransform> maskedFields() {
        return masked;
    }

    /**
     * The top-level keys present, in the order of {@link org.communityschools.core.model.DataCategory}: the lower-case
     * names of the data categories with something shown.
     *
     * @return the lower-case names of the categories shown
     */
    public Set<String> categories() {
        return Collections.unmodifiableSet(body.categories());
    }

    /**
     * The records of permitted fields left out because they lie outside the scope of every grant of their field
     * ({@link org.communityschools.privacy.policy.RecordScope}), counted by field, school and reason, sorted.
     *
     * @return the records withheld, counted by field, school and reason
     */
    public List<Withheld> withheld() {
        return withheld;
    }

    /**
     * {@return how many records of each shown field of records the view holds (all authorities together), sorted by
     * field}
     */
    public SortedMap<FieldPath, Integer> recordCounts() {
        SortedMap<FieldPath, Integer> out = new TreeMap<>();
        written.values().forEach(m -> m.forEach((f, n) -> {
            if (n >= 0) {
                out.merge(f, n, Integer::sum);
            }
        }));
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * The decision's explanation followed by what the view withheld, one line each ("46 attendance records at
     * SCH0003 withheld: outside agreement DSA-CBO001's schools").
     *
     * @return the explanation
     */
    public String explanation() {
        StringBuilder b = new StringBuilder(decision.explanation());
        for (Withheld w : withheld) {
            b.append('\n').append(w.describe()).append('.');
        }
        return b.toString();
    }

    /**
     * Records the disclosure of this view in {@code sink}, then returns its compact JSON: record first, then show
     * (34 CFR 99.32). One entry per authority (legal basis, agreement or consent) under which something is shown,
     * listing exactly the fields written under it, the number of records of each, the masks applied and the digest of
     * the returned text. Nothing shown, nothing appended. When the append fails, the exception propagates and no text
     * is returned.
     *
     * @param sink the disclosure log
     * @return the JSON and its disclosures
     * @throws org.communityschools.privacy.disclosure.DisclosureLogException when the entries cannot be made durable
     */
    public DisclosedView disclose(DisclosureSink sink) {
        return RecordViews.disclose(this, sink, false);
    }

    /**
     * As {@link #disclose}, with the JSON indented for people; the digest covers the indented text.
     *
     * @param sink the disclosure log
     * @return the indented JSON and its disclosures
     */
    public DisclosedView disclosePretty(DisclosureSink sink) {
        return RecordViews.disclose(this, sink, true);
    }

    /**
     * The entries that {@link #disclose} appends for a released text whose SHA-256 is {@code digest}
     * ({@code sha256:} and 64 hex digits), in authority order.
     */
    List<Disclosure> disclosures(String digest) {
        return Entries.build(decision, written, masked, digest);
    }

    /** The top level of the view, written straight to the generator (no tree). */
    ViewBody body() {
        return body;
    }

    @Override
    public String toString() {
        return "StudentRecordView[" + decision.student() + " for " + decision.requester() + ", " + shown.size()
                + " fields shown, " + absent.size() + " left out]";
    }
}
