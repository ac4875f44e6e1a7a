package org.communityschools.privacy.view.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.Student;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Grant;
import org.communityschools.privacy.view.Withheld;
import org.jspecify.annotations.Nullable;
import org.communityschools.privacy.policy.MaskTransform;
import org.communityschools.privacy.policy.Obligation;
import org.communityschools.privacy.policy.RowFilter;
import tools.jackson.databind.JsonNode;

/**
 * Builds a student record view (its top level a {@link ViewBody}, written without a tree): walks the catalog, copies
 * only permitted fields, applies the decision's masks, and records why each permitted field is absent. Any doubt leaves
 * a field out. One instance per view; not thread-safe.
 */
public final class ViewAssembler {
    /** Why a field under the mask {@link MaskTransform#REMOVE} is absent (recorded for each record it removes). */
    private static final String REMOVED = "removed by the mask " + MaskTransform.REMOVE;

    /**
     * The result: the view's top level (written straight to the generator), the fields written, the permitted fields left out with why, the masks applied, the fields
     * written under each authority with their record counts (-1 for a field of the student, not of records), and the
     * records withheld as outside every grant's scope.
     */
    public record Result(ViewBody body, SortedSet<FieldPath> shown, SortedMap<FieldPath, String> absent,
                         SortedMap<FieldPath, MaskTransform> masked,
                         Map<Authority, SortedMap<FieldPath, Integer>> written, List<Withheld> withheld) {}

    /** The authority under which a record is disclosed: basis, agreement and consent of the grant that covers it. */
    public record Authority(LegalBasis basis, Optional<AgreementId> agreement, Optional<ConsentId> consent) {
        /** The authority of {@code g}. */
        public static Authority of(Grant g) {
            return new Authority(g.basis(), g.agreement(), g.consent());
        }

        // written out (the same equality as the record's): asked for every shown field of every view, where the
        // record's generated methods ran through method handles that the JIT did not always inline
        @Override
        public boolean equals(Object o) {
            return o instanceof Authority a && a.basis == basis && a.agreement.equals(agreement)
                    && a.consent.equals(consent);
        }

        @Override
        public int hashCode() {
            return (basis.hashCode() * 31 + agreement.hashCode()) * 31 + consent.hashCode();
        }
    }

    private record WithheldKey(FieldPath field, String school, String reason) implements Comparable<WithheldKey> {
        @Override
        public int compareTo(WithheldKey o) {
            int c = field.compareTo(o.field);
            if (c == 0) {
                c = school.compareTo(o.school);
            }
            return c != 0 ? c : reason.compareTo(o.reason);
        }
    }

    private final ScopeGate gate;
    private final Map<Authority, SortedMap<FieldPath, Integer>> written = new LinkedHashMap<>();
    private final SortedMap<WithheldKey, Integer> withheld = new TreeMap<>();
    /** The run of withheld records being counted ({@link #withhold}): its key and length. */
    private @Nullable FieldPath runField;
    private @Nullable SchoolId runSchool;
    private @Nullable String runReason;
    private int run;
    /** The records admitted of the field being filled, by authority; committed when the field is shown. */
    private final Tally pendingCounts = new Tally();
    /** The child values written into admitted records, by child field and authority. */
    private final Map<FieldPath, Tally> pendingChildCounts = new HashMap<>();
    /**
     * The gate's answer for the days of the field being filled ({@link Fillers.ChildWriter#inScope}), kept over the
     * stretch of days it holds for; another for the records of one day then admitted (asked after inScope has sorted out
     * every day of the field).
     */
    private final Stretch asked = new Stretch();
    /** The days of {@link #asked}'s stretch withheld and not yet counted ({@link #flushAsked}). */
    private int askedWithheld;
    private final Stretch admitted = new Stretch();
    private ScopeGate.@Nullable Place currentPlace;
    /** The grant the record being filled is disclosed under. */
    private @Nullable Grant currentGrant;

    private final DistrictData data;
    private final Decision decision;
    private final FieldCatalog catalog;
    private final Map<FieldPath, Set<MaskTransform>> masks = new TreeMap<>();
    private final SortedSet<FieldPath> shown = new TreeSet<>();
    /** The child fields written into the records of the parent being filled; shown only if the parent is. */
    private final SortedSet<FieldPath> pendingChildren = new TreeSet<>();
    private final SortedMap<FieldPath, String> absent = new TreeMap<>();
    private final SortedMap<FieldPath, MaskTransform> masked = new TreeMap<>();
    private final Map<FieldPath, Set<RowFilter>> rows = new TreeMap<>();
    /** The plans of the child fields of the field being filled, by segment ({@link #plan}). */
    private final Map<String, ChildPlan> plans = new HashMap<>(8);

    private final java.util.function.Predicate<org.communityschools.core.model.ActionStep> steps;
    private final java.util.function.Predicate<org.communityschools.core.model.AgendaItem> items;

    private ViewAssembler(DistrictData data, Decision decision, FieldCatalog catalog,
                          java.util.function.Predicate<org.communityschools.core.model.ActionStep> steps,
                          java.util.function.Predicate<org.communityschools.core.model.AgendaItem> items) {
        this.data = data;
        this.steps = steps;
        this.items = items;
        this.decision = decision;
        this.catalog = catalog;
        this.gate = new ScopeGate(decision, data);
        for (Obligation o : decision.obligations()) {
            if (o instanceof Obligation.MaskField m) {
                masks.computeIfAbsent(m.field(), k -> EnumSet.noneOf(MaskTransform.class)).add(m.transform());
            } else if (o instanceof Obligation.RestrictRows r) {
                rows.computeIfAbsent(r.field(), k -> EnumSet.noneOf(RowFilter.class)).add(r.filter());
            }
        }
    }

    /** Assembles the view of {@code decision}'s student from {@code data} against {@code catalog}. */
    public static Result assemble(DistrictData data, Decision decision, FieldCatalog catalog) {
        return assemble(data, decision, catalog, x -> true, x -> true);
    }

    /**
     * Assembles the view as {@link #assemble(DistrictData, Decision, FieldCatalog)}, writing only the student's
     * action steps accepted by {@code steps} and agenda items accepted by {@code items} (and of those only the ones in
     * scope).
     */
    public static Result assemble(DistrictData data, Decision decision, FieldCatalog catalog,
                                  java.util.function.Predicate<org.communityschools.core.model.ActionStep> steps,
                                  java.util.function.Predicate<org.communityschools.core.model.AgendaItem> items) {
        return new ViewAssembler(data, decision, catalog, steps, items).run();
    }

    private Result run() {
        ViewBody root = new ViewBody();
        // built by the decision on every call: asked once
        Set<FieldPath> permitted = decision.permittedFields();
        for (FieldPath p : permitted) {
            if (catalog.field(p).isEmpty()) {
                absent.put(p, "not in the field catalog");
            }
        }
        Optional<Student> student;
        try {
            student = decision.permitsAny() ? data.student(decision.student()) : Optional.empty();
        } catch (RuntimeException e) {
            student = Optional.empty();
        }
        if (student.isEmpty()) {
            for (FieldPath p : permitted) {
                absent.putIfAbsent(p, "the student is not in the district data");
            }
            return new Result(root, shown, absent, masked, written, List.of());
        }
        Fillers.StudentData s = new Fillers.StudentData(data, student.get(), steps, items);
        for (DataField f : topFields(catalog)) {
            if (decision.permits(f.path())) {
                top(f, s, root);
            }
        }
        // permitted fields below a parent that is not shown are never written
        for (FieldPath p : permitted) {
            if (p.depth() > 2 && !shown.contains(p) && !absent.containsKey(p)) {
                Optional<FieldPath> parent = p.parent();
                absent.put(p, parent.isPresent() && !shown.contains(parent.get())
                        ? "its parent field " + parent.get() + " is not shown"
                        : "no value in this student's records");
            }
        }
        endRun();
        List<Withheld> out = new ArrayList<>();
        withheld.forEach((k, n) -> out.add(new Withheld(k.field(), k.school().isEmpty() ? Optional.empty()
                : Optional.of(SchoolId.of(k.school())), n, k.reason())));
        // masks and counts only of what is shown
        written.values().forEach(m -> m.keySet().retainAll(shown));
        written.values().removeIf(Map::isEmpty);
        return new Result(root, shown, absent, masked, written, List.copyOf(out));
    }

    /** The fields of two segments of a catalog, in its order. */
    private record TopFields(FieldCatalog catalog, DataField[] fields) {}

    /** Those of the last catalog asked about (a catalog is immutable; views mostly use the default one). */
    private static volatile @Nullable TopFields lastTopFields;

    private static DataField[] topFields(FieldCatalog catalog) {
        TopFields known = lastTopFields;
        if (known == null || known.catalog() != catalog) {
            known = new TopFields(catalog, catalog.fields().stream().filter(f -> f.path().depth() == 2)
                    .toArray(DataField[]::new));
            lastTopFields = known;
        }
        return known.fields();
    }

    /**
     * Counts a record withheld. Records come in date order, so consecutive withheld records mostly share field, school
     * and reason: they are counted as a run and the run is added to {@link #withheld} when another key comes (or at
     * the end), instead of a key and a map update per record.
     */
    private void withhold(FieldPath field, ScopeGate.Place place) {
        withhold(field, place.school(), gate.whyNot(field, place));
    }

    private void withhold(FieldPath field, @Nullable SchoolId school, String reason) {
        withhold(field, school, reason, 1);
    }

    /** Counts {@code n} records withheld with the same key (the counts are summed by key: their order does not matter). */
    private void withhold(FieldPath field, @Nullable SchoolId school, String reason, int n) {
        if (run > 0 && field == runField && java.util.Objects.equals(school, runSchool) && reason.equals(runReason)) {
            run += n;
            return;
        }
        endRun();
        runField = field;
        runSchool = school;
        runReason = reason;
        run = n;
    }

    /** Counts the days of the field being filled withheld in the stretch {@link #asked} holds, if any. */
    private void flushAsked(FieldPath field) {
        if (askedWithheld > 0) {
            withhold(field, asked.school(), asked.reason(), askedWithheld);
            askedWithheld = 0;
        }
    }

    private void endRun() {
        if (run > 0) {
            withheld.merge(new WithheldKey(runField, runSchool == null ? "" : runSchool.value(), runReason), run,
                    Integer::sum);
            run = 0;
        }
    }

    /** Attributes a shown field: its admitted records by authority, or the whole field to its broadest grant. */
    private void commit(FieldPath p, Map<Authority, Integer> counts) {
        if (counts.isEmpty()) {
            decision.grant(p).ifPresent(g -> written.computeIfAbsent(Authority.of(g), k -> new TreeMap<>()).put(p, -1));
            return;
        }
        counts.forEach((a, n) -> written.computeIfAbsent(a, k -> new TreeMap<>()).put(p, n));
    }

    private void top(DataField f, Fillers.StudentData s, ViewBody root) {
        FieldPath p = f.path();
        if (f.source().isEmpty()) {
            absent.put(p, "no source in the district data directory");
            return;
        }
        Optional<Fillers.TopFiller> filler = Fillers.top(p.value());
        Set<RowFilter> filters = rows.getOrDefault(p, Set.of());
        if (filters.size() > 1) {
            absent.put(p, "conflicting row restrictions " + filters);
            return;
        }
        if (filters.size() == 1) {
            RowFilter rf = filters.iterator().next();
            filler = Fillers.restricted(p.value(), rf, decision.requester());
            if (filler.isEmpty()) {
                absent.put(p, "the record view does not support the row restriction " + rf + " on this field");
                return;
            }
        }
        if (filler.isEmpty()) {
            absent.put(p, "the record view does not know how to fill this field");
            return;
        }
        int category = f.category().ordinal();
        String key = p.value().substring(p.value().indexOf('.') + 1); // the second of its two segments
        if (root.has(category, key)) {
            absent.put(p, "another field already holds the key " + ViewBody.CATEGORY_KEYS[category] + "." + key);
            return;
        }
        Optional<JsonNode> value;
        pendingChildren.clear();
        pendingCounts.clear();
        asked.clear();
        admitted.clear();
        pendingChildCounts.clear();
        currentPlace = null;
        currentGrant = null;
        // what a child field needs from the decision and the catalog is the same for every record: resolved once per
        // field (the map is the view's, emptied for each field)
        Map<String, ChildPlan> plans = this.plans;
        plans.clear();
        try {
            value = filler.get().fill(s, new Fillers.ChildWriter() {
                @Override
                public boolean admit(ScopeGate.Place place) {
                    SchoolId school = place.school();
                    Grant g;
                    if (school != null && place.first().equals(place.last())) {
                        admitted.ask(gate, p, school, place.first().toEpochDay());
                        g = admitted.grant;
                    } else {
                        g = gate.coverOrNull(p, place);
                    }
                    if (g == null) {
                        withhold(p, place);
                        currentPlace = null;
                        currentGrant = null;
                        return false;
                    }
                    pendingCounts.add(g);
                    currentPlace = place;
                    currentGrant = g;
                    return true;
                }

                @Override
                public boolean inScope(SchoolId school, long epochDay) {
                    // the days withheld in one stretch are counted together, when the stretch ends
                    if (!asked.holds(school, epochDay)) {
                        flushAsked(p);
                        asked.ask(gate, p, school, epochDay);
                    }
                    if (asked.grant != null) {
                        return true;
                    }
                    askedWithheld++;
                    return false;
                }

                @Override
                public boolean showsDay(@Nullable SchoolId school, LocalDate day) {
                    // the day must be covered by the grant the record is disclosed under, whose entry lists it
                    Grant g = currentGrant;
                    return g != null && gate.showsDayUnder(g, school, day);
                }

                @Override
                public Optional<JsonNode> value(String segment, Object record, boolean taken) {
                    ChildPlan plan = plans.get(segment);
                    if (plan == null) {
                        plan = plan(p, segment);
                        plans.put(segment, plan);
                    }
                    return child(plan, segment, record, taken);
                }
            });
            if (value.isPresent()) {
                value = mask(p, value.get());
            }
        } catch (RuntimeException e) {
            absent.put(p, "could not be filled (" + e.getClass().getSimpleName() + ")");
            return;
        } finally {
            flushAsked(p); // the days withheld are counted whether or not the field is shown, as each was before
        }
        if (value.isEmpty()) {
            absent.putIfAbsent(p, "no value in this student's records");
            return;
        }
        root.put(category, key, value.get());
        shown.add(p);
        shown.addAll(pendingChildren);
        commit(p, pendingCounts.byAuthority());
        for (FieldPath c : pendingChildren) {
            Tally t = pendingChildCounts.get(c);
            commit(c, t == null ? Map.of() : t.byAuthority());
        }
    }

    /**
     * What writing a child field takes, independent of the record: {@code path} null when the field is never written
     * (malformed, not in the catalog or not permitted, or left out for a reason already recorded), else its filler
     * and its masks.
     */
    private static final class ChildPlan {
        static final ChildPlan NEVER = new ChildPlan(null, null, Set.of());

        final @Nullable FieldPath path;
        final Fillers.@Nullable ChildFiller filler;
        final Set<MaskTransform> masks;
        /** Whether the field is among {@link #pendingChildren} already (a plan lives as long as its parent's fill). */
        boolean pending;
        /** The admitted records it was written into, by grant, once it has been; registered in pendingChildCounts. */
        @Nullable Tally counts;
        /** The gate's answer for the records of one day it was last asked about; made on the first. */
        @Nullable Stretch stretch;

        ChildPlan(@Nullable FieldPath path, Fillers.@Nullable ChildFiller filler, Set<MaskTransform> masks) {
            this.path = path;
            this.filler = filler;
            this.masks = masks;
        }

        @Nullable FieldPath path() {
            return path;
        }

        Fillers.@Nullable ChildFiller filler() {
            return filler;
        }

        Set<MaskTransform> masks() {
            return masks;
        }
    }

    /**
     * Records counted by the grant they are disclosed under, then by authority in the order first seen (the order of
     * the disclosure entries): the grants of a field are few, so a record is counted without allocating.
     */
    private static final class Tally {
        private Grant[] grants = new Grant[4];
        private int[] counts = new int[4];
        private int size;

        void add(Grant g) {
            for (int i = 0; i < size; i++) {
                if (grants[i] == g) {
                    counts[i]++;
                    return;
                }
            }
            if (size == grants.length) {
                grants = java.util.Arrays.copyOf(grants, size * 2);
                counts = java.util.Arrays.copyOf(counts, size * 2);
            }
            grants[size] = g;
            counts[size++] = 1;
        }

        void clear() {
            java.util.Arrays.fill(grants, 0, size, null);
            size = 0;
        }

        Map<Authority, Integer> byAuthority() {
            if (size == 0) {
                return Map.of();
            }
            if (size == 1) {
                return Map.of(Authority.of(grants[0]), counts[0]);
            }
            Map<Authority, Integer> out = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                out.merge(Authority.of(grants[i]), counts[i], Integer::sum);
            }
            return out;
        }
    }

    private ChildPlan plan(FieldPath parent, String segment) {
        ChildFields.ChildField c = ChildFields.of(catalog, parent, segment);
        FieldPath p = c.path();
        if (p == null || c.field() == null || !decision.permits(p)) {
            return ChildPlan.NEVER;
        }
        if (c.field().source().isEmpty()) {
            absent.put(p, "no source in the district data directory");
            return ChildPlan.NEVER;
        }
        if (rows.containsKey(p)) {
            absent.put(p, "the record view does not support the row restriction " + rows.get(p) + " on this field");
            return ChildPlan.NEVER;
        }
        // the filler is looked up after the key check of each record, as before; a missing filler is recorded there
        return new ChildPlan(p, c.filler(), masks.getOrDefault(p, Set.of()));
    }

    private Optional<JsonNode> child(ChildPlan plan, String segment, Object record, boolean taken) {
        FieldPath p = plan.path();
        if (p == null) {
            return Optional.empty();
        }
        if (taken) {
            absent.put(p, "the parent record already holds the key " + segment);
            return Optional.empty();
        }
        Fillers.ChildFiller filler = plan.filler();
        if (filler == null) {
            absent.put(p, "the record view does not know how to fill this field");
            return Optional.empty();
        }
        ScopeGate.Place place = currentPlace;
        Grant grant = null;
        if (place != null) {
            SchoolId school = place.school();
            if (school != null && place.first().equals(place.last())) {
                // a child of each record of one day (the reason of an attendance day): asked once per stretch
                Stretch stretch = plan.stretch;
                if (stretch == null) {
                    stretch = new Stretch();
                    plan.stretch = stretch;
                }
                stretch.ask(gate, p, school, place.first().toEpochDay());
                grant = stretch.grant;
            } else {
                grant = gate.coverOrNull(p, place);
            }
            if (grant == null) {
                withhold(p, place);
                return Optional.empty();
            }
        }
        try {
            Optional<JsonNode> value = filler.fill(record);
            if (value.isPresent()) {
                value = mask(p, plan.masks(), value.get());
            }
            if (value.isPresent()) {
                if (!plan.pending) {
                    plan.pending = true;
                    pendingChildren.add(p);
                }
                if (grant != null) {
                    Tally t = plan.counts;
                    if (t == null) {
                        t = new Tally();
                        plan.counts = t;
                        pendingChildCounts.put(p, t);
                    }
                    t.add(grant);
                }
            }
            return value;
        } catch (RuntimeException e) {
            absent.put(p, "could not be filled (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /** Applies the field's masks; empty (and the reason recorded) when the field must not be shown. */
    private Optional<JsonNode> mask(FieldPath p, JsonNode value) {
        return mask(p, masks.getOrDefault(p, Set.of()), value);
    }

    private Optional<JsonNode> mask(FieldPath p, Set<MaskTransform> ts, JsonNode value) {
        if (ts.isEmpty()) {
            return Optional.of(value);
        }
        if (ts.contains(MaskTransform.REMOVE)) {
            absent.put(p, REMOVED);
            masked.put(p, MaskTransform.REMOVE);
            return Optional.empty();
        }
        if (ts.size() > 1) {
            absent.put(p, "conflicting masks " + ts);
            return Optional.empty();
        }
        MaskTransform t = ts.iterator().next();
        Optional<JsonNode> out = Masks.apply(t, value);
        if (out.isEmpty()) {
            absent.put(p, "the mask " + t + " does not apply to this field");
        } else {
            masked.put(p, t);
        }
        return out;
    }
}
