package org.communityschools.privacy.view;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.json.CommunitySchoolsJson;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.MaskTransform;
import org.communityschools.privacy.policy.Obligation;
import org.communityschools.privacy.policy.RowFilter;
import org.communityschools.privacy.view.internal.ColumnPaths;
import org.communityschools.privacy.view.internal.Entries;
import org.communityschools.privacy.view.internal.ScopeGate;
import org.communityschools.privacy.view.internal.ViewAssembler;
import org.communityschools.privacy.view.internal.Masks;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes domain records ({@link org.communityschools.core.model.Student}, {@link org.communityschools.core.model.AttendanceRecord}
 * and the other records of one student) in their standard JSON ({@link CommunitySchoolsJson#mapper()}, the data
 * directory's column names) for one requester, keeping only the properties the {@link Decision} permits: a property
 * filter driven by the decision (FERPA 34 CFR 99.31(a)(1)), include-only and failing closed.
 *
 * <p>Each record type has a filter, identified by its data directory file ({@code students}, {@code attendance}, ...),
 * that maps every JSON property to the catalog field it discloses ({@code reason} to {@code attendance.records.reason}).
 * The record is written as {@code {}} when its type has no filter (an unknown filter id), when it belongs to another
 * student than the decision's, or when the decision does not permit the type's record field
 * ({@code attendance.records}); a property with no mapping, or mapped to a field that is not permitted or unknown to
 * the catalog, is left out. Masks: {@code BIRTH_YEAR_ONLY} writes {@code birth_date} as its year, {@code INITIALS}
 * writes each name part as its initial, {@code REMOVE} leaves the property out; a mask that does not apply leaves it
 * out. Row restrictions ({@link Obligation.RestrictRows}): an intervention participation under
 * {@code DELIVERED_BY_REQUESTER} is written only when its {@code staff_id} is the requester; any other restriction
 * writes {@code {}} for the record, or leaves out a property mapped to a restricted field (fail closed). If
 * serialization fails the record writes {@code {}}. Scope: a record is written only when its school and date lie in
 * the scope of a grant of its primary field ({@link org.communityschools.privacy.policy.RecordScope}), each property
 * only when a grant of its own field covers the record, and a period's begin or end date only when that day is in
 * scope, exactly as in {@link StudentRecordView}. Records are released only through {@link #disclose}, which records
 * them first.
 *
 * <p>The sdk-core JSON module writes the records with their own serializers, so Jackson's {@code @JsonFilter} /
 * {@code SimpleBeanPropertyFilter} never sees their properties; this filter works on the written tree instead, which
 * has the same effect and also covers properties a future serializer adds (they have no mapping, so they are left
 * out). Immutable and thread-safe.
 */
public final class RecordFilter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonMapper DOMAIN = CommunitySchoolsJson.mapper();
    private static final JsonMapper PLAIN = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final Decision decision;
    private final FieldCatalog catalog;
    private final ScopeGate gate;
    private final Map<String, Set<MaskTransform>> masks = new HashMap<>();
    private final Map<String, Set<RowFilter>> rows = new HashMap<>();

    private RecordFilter(DistrictData data, Decision decision, FieldCatalog catalog) {
        this.decision = decision;
        this.catalog = catalog;
        this.gate = new ScopeGate(decision, data);
        for (Obligation o : decision.obligations()) {
            if (o instanceof Obligation.MaskField m) {
                masks.computeIfAbsent(m.field().value(), k -> EnumSet.noneOf(MaskTransform.class)).add(m.transform());
            } else if (o instanceof Obligation.RestrictRows r) {
                rows.computeIfAbsent(r.field().value(), k -> EnumSet.noneOf(RowFilter.class)).add(r.filter());
            }
        }
    }

    /**
     * {@return the filter of {@code decision} over {@code data} (which places each record: its school and dates),
     * against the default catalog}
     *
     * @param data the district data
     * @param decision the decision
     */
    public static RecordFilter of(DistrictData data, Decision decision) {
        return of(data, decision, FieldCatalog.defaultCatalog());
    }

    /**
     * {@return the filter of {@code decision} over {@code data}, against {@code catalog}: a field unknown to it is
     * never written}
     *
     * @param data the district data
     * @param decision the decision
     * @param catalog the field catalog of the decision's policy
     */
    public static RecordFilter of(DistrictData data, Decision decision, FieldCatalog catalog) {
        return new RecordFilter(Objects.requireNonNull(data, "data"), Objects.requireNonNull(decision, "decision"),
                Objects.requireNonNull(catalog, "catalog"));
    }

    /**
     * {@return the filter id of a record's type ({@code attendance} for an attendance record); empty when no filter
     * covers it}
     *
     * @param record a record of the district data
     */
    public static Optional<String> filterId(Object record) {
        return ColumnPaths.filterOf(Objects.requireNonNull(record, "record")).map(ColumnPaths.Filter::id);
    }

    /**
     * Records the disclosure of {@code records} in {@code sink}, then returns them as a JSON array of their filtered
     * objects, leaving out the records that write nothing (another student's, a type without a filter, a primary
     * field not permitted, a record outside the scope of every grant of its field). Record first, then show
     * (34 CFR 99.32): one entry per authority, listing exactly the fields written, the number of records of each and
     * the digest of the returned text; nothing written, nothing appended; a failed append returns nothing.
     *
     * @param records the records to disclose
     * @param sink the disclosure log
     * @return the JSON array and its disclosures
     * @throws org.communityschools.privacy.disclosure.DisclosureLogException when the entries cannot be made durable
     */
    public DisclosedView disclose(Collection<?> records, DisclosureSink sink) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(sink, "sink");
        Map<ViewAssembler.Authority, SortedMap<FieldPath, Integer>> written = new LinkedHashMap<>();
        Map<FieldPath, MaskTransform> masked = new TreeMap<>();
        ArrayNode out = F.arrayNode();
        for (Object r : records) {
            ObjectNode o = filter(Objects.requireNonNull(r, "record"), written, masked);
            if (!o.isEmpty()) {
                out.add(o);
            }
        }
        String json = PLAIN.writeValueAsString(out);
        if (written.values().stream().allMatch(Map::isEmpty)) {
            return new DisclosedView(json, List.of());
        }
        List<Disclosure> entries = Entries.build(decision, written, masked, RecordViews.sha256(json));
        return new DisclosedView(json, sink.appendAll(entries));
    }

    /** The record with only its permitted properties in scope; an empty object when nothing of it may be written. */
    private ObjectNode filter(Object record, Map<ViewAssembler.Authority, SortedMap<FieldPath, Integer>> written,
                              Map<FieldPath, MaskTransform> masked) {
        ObjectNode out = F.objectNode();
        try {
            Optional<ColumnPaths.Filter> filter = ColumnPaths.filterOf(record);
            if (filter.isEmpty() || filter.get().primary().map(p -> !allowed(p)).orElse(false)) {
                return out;
            }
            if (filter.get().primary().map(p -> !rowPasses(p, record)).orElse(false)) {
                return out;
            }
            Optional<ScopeGate.Place> place = gate.placeOf(record);
            Map<String, ViewAssembler.Authority> by = new HashMap<>();
            if (filter.get().primary().isPresent()) {
                String primary = filter.get().primary().get();
                Optional<ViewAssembler.Authority> a = authority(primary, place);
                if (a.isEmpty()) {
                    return out;
                }
                by.put(primary, a.get());
            }
            // through text, not valueToTree: sdk-core writes exact decimals with writeNumber(String), which Jackson's
            // tree-building generator refuses
            JsonNode text = PLAIN.readTree(DOMAIN.writeValueAsString(record));
            if (!text.isObject() || !decision.student().value().equals(text.path("student_id").asString(""))) {
                return out;
            }
            for (Map.Entry<String, JsonNode> e : text.properties()) {
                String path = filter.get().columns().get(e.getKey());
                if (path == null || !allowed(path) || (filter.get().primary().filter(path::equals).isEmpty()
                        && rows.containsKey(path))) {
                    continue;
                }
                ViewAssembler.Authority a = by.get(path);
                if (a == null) {
                    Optional<ViewAssembler.Authority> found = authority(path, place);
                    if (found.isEmpty()) {
                        continue;
                    }
                    a = found.get();
                    by.put(path, a);
                }
                if (!dayShown(e.getKey(), path, record, by.get(filter.get().primary().orElse(path)))) {
                    continue;
                }
                Optional<JsonNode> v = mask(path, e.getKey(), e.getValue());
                if (v.isPresent()) {
                    out.set(e.getKey(), v.get());
                    Set<MaskTransform> ts = masks.getOrDefault(path, Set.of());
                    if (ts.size() == 1) {
                        masked.put(FieldPath.of(path), ts.iterator().next());
                    }
                }
            }
            if (out.isEmpty()) {
                return out;
            }
            // count each field written once per record
            Set<String> counted = new java.util.HashSet<>();
            for (Map.Entry<String, JsonNode> e : out.properties()) {
                String path = filter.get().columns().get(e.getKey());
                if (counted.add(path)) {
                    written.computeIfAbsent(by.get(path), k -> new TreeMap<>())
                            .merge(FieldPath.of(path), place.isPresent() ? 1 : -1, (x, y) -> x < 0 ? -1 : x + y);
                }
            }
            return out;
        } catch (RuntimeException e) {
            return F.objectNode();
        }
    }

    /** The authority of the first grant of {@code path} covering the record's place (a record of no place: the broadest grant). */
    private Optional<ViewAssembler.Authority> authority(String path, Optional<ScopeGate.Place> place) {
        FieldPath f = FieldPath.of(path);
        Optional<org.communityschools.privacy.policy.Grant> g = place.isPresent() ? gate.cover(f, place.get())
                : decision.grant(f);
        return g.map(ViewAssembler.Authority::of);
    }

    /**
     * An enrollment's entry and exit dates, and a period's begin and end, are written only when that day is in the scope
     * of the grant the record is disclosed under (the authority {@code a} of its primary field, or of the column's own
     * field when the record has no primary field).
     */
    private boolean dayShown(String column, String path, Object record, ViewAssembler.@Nullable Authority a) {
        FieldPath f = FieldPath.of(path);
        Optional<org.communityschools.privacy.policy.Grant> g = decision.grantsOf(f).stream()
                .filter(x -> a != null && ViewAssembler.Authority.of(x).equals(a)).findFirst();
        if (record instanceof org.communityschools.core.model.Enrollment en) {
            return switch (column) {
                case "entry_date" -> g.map(x -> gate.showsDayUnder(x, en.schoolId(), en.entryDate())).orElse(false);
                case "exit_date", "exit_type", "exit_documented" -> en.exitWithdrawDate()
                        .map(d -> g.map(x -> gate.showsDayUnder(x, en.schoolId(), d)).orElse(false)).orElse(true);
                default -> true;
            };
        }
        if (record instanceof org.communityschools.core.model.StudentCharacteristic c) {
            return switch (column) {
                case "begin_date" -> g.map(x -> gate.showsDayUnder(x, null, c.period().start())).orElse(false);
                case "end_date" -> c.period().lastDay().map(d -> g.map(x -> gate.showsDayUnder(x, null, d)).orElse(false))
                        .orElse(true);
                default -> true;
            };
        }
        if (record instanceof InterventionParticipant p) {
            Optional<ScopeGate.Place> place = gate.placeOf(p);
            return switch (column) {
                case "begin_date" -> place.flatMap(x -> g.map(y -> gate.showsDayUnder(y, x.school(), p.period().start())))
                        .orElse(false);
                case "end_date" -> p.period().lastDay().map(d -> place.flatMap(x -> g.map(y -> gate.showsDayUnder(y,
                        x.school(), d))).orElse(false)).orElse(true);
                default -> true;
            };
        }
        return true;
    }

    /**
     * Whether this record passes the row restrictions of its primary field: none, or exactly the supported
     * {@link RowFilter#DELIVERED_BY_REQUESTER} on an intervention participation delivered by the requester. Any other
     * restriction writes nothing (fail closed).
     */
    private boolean rowPasses(String primary, Object record) {
        Set<RowFilter> filters = rows.getOrDefault(primary, Set.of());
        if (filters.isEmpty()) {
            return true;
        }
        return filters.equals(EnumSet.of(RowFilter.DELIVERED_BY_REQUESTER))
                && primary.equals(RowFilter.DELIVERED_BY_REQUESTER.field().value())
                && record instanceof InterventionParticipant p
                && p.staffId().filter(decision.requester()::equals).isPresent();
    }

    private boolean allowed(String path) {
        return catalog.isKnownPath(path) && decision.permits(path);
    }

    private Optional<JsonNode> mask(String path, String column, JsonNode value) {
        Set<MaskTransform> ts = masks.getOrDefault(path, Set.of());
        if (ts.isEmpty()) {
            return Optional.of(value);
        }
        if (ts.size() > 1 || ts.contains(MaskTransform.REMOVE)) {
            return Optional.empty();
        }
        return switch (ts.iterator().next()) {
            case BIRTH_YEAR_ONLY -> column.equals("birth_date") ? Masks.apply(MaskTransform.BIRTH_YEAR_ONLY, value)
                    : Optional.empty();
            case INITIALS -> column.equals("first_name") || column.equals("last_name")
                    ? Masks.initial(value).map(F::stringNode) : Optional.empty();
            case REMOVE -> Optional.empty();
        };
    }

}
