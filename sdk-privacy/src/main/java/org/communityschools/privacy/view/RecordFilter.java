package org.communityschools.privacy.view;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.json.CommunitySchoolsJson;
import org.communityschools.core.model.InterventionParticipant;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.MaskTransform;
import org.communityschools.privacy.policy.Obligation;
import org.communityschools.privacy.policy.RowFilter;
import org.communityschools.privacy.view.internal.ColumnPaths;
import org.communityschools.privacy.view.internal.ViewAssembler.Masks;
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
 * serialization fails the record writes {@code {}}.
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
    private final Map<String, Set<MaskTransform>> masks = new HashMap<>();
    private final Map<String, Set<RowFilter>> rows = new HashMap<>();

    private RecordFilter(Decision decision, FieldCatalog catalog) {
        this.decision = decision;
        this.catalog = catalog;
        for (Obligation o : decision.obligations()) {
            if (o instanceof Obligation.MaskField m) {
                masks.computeIfAbsent(m.field().value(), k -> EnumSet.noneOf(MaskTransform.class)).add(m.transform());
            } else if (o instanceof Obligation.RestrictRows r) {
                rows.computeIfAbsent(r.field().value(), k -> EnumSet.noneOf(RowFilter.class)).add(r.filter());
            }
        }
    }

    /** The filter of {@code decision}, against the default catalog. */
    public static RecordFilter of(Decision decision) {
        return of(decision, FieldCatalog.defaultCatalog());
    }

    /** The filter of {@code decision}, against {@code catalog}: a field unknown to it is never written. */
    public static RecordFilter of(Decision decision, FieldCatalog catalog) {
        return new RecordFilter(Objects.requireNonNull(decision, "decision"), Objects.requireNonNull(catalog, "catalog"));
    }

    /** The filter id of a record's type ({@code attendance} for an attendance record); empty when no filter covers it. */
    public static Optional<String> filterId(Object record) {
        return ColumnPaths.filterOf(Objects.requireNonNull(record, "record")).map(ColumnPaths.Filter::id);
    }

    /** The record with only its permitted properties; an empty object when nothing of it may be written. */
    public ObjectNode toJsonNode(Object record) {
        Objects.requireNonNull(record, "record");
        ObjectNode out = F.objectNode();
        try {
            Optional<ColumnPaths.Filter> filter = ColumnPaths.filterOf(record);
            if (filter.isEmpty() || filter.get().primary().map(p -> !allowed(p)).orElse(false)) {
                return out;
            }
            if (filter.get().primary().map(p -> !rowPasses(p, record)).orElse(false)) {
                return out;
            }
            // through text, not valueToTree: sdk-core writes exact decimals with writeNumber(String), which Jackson's
            // tree-building generator refuses
            JsonNode written = PLAIN.readTree(DOMAIN.writeValueAsString(record));
            if (!written.isObject() || !decision.student().value().equals(written.path("student_id").asString(""))) {
                return out;
            }
            for (Map.Entry<String, JsonNode> e : written.properties()) {
                String path = filter.get().columns().get(e.getKey());
                if (path != null && allowed(path) && (filter.get().primary().filter(path::equals).isPresent()
                        || !rows.containsKey(path))) {
                    mask(path, e.getKey(), e.getValue()).ifPresent(v -> out.set(e.getKey(), v));
                }
            }
            return out;
        } catch (RuntimeException e) {
            return F.objectNode();
        }
    }

    /** The compact JSON of {@link #toJsonNode(Object)}. */
    public String toJson(Object record) {
        return PLAIN.writeValueAsString(toJsonNode(record));
    }

    /** The records as a JSON array of their filtered objects, leaving out the records that write nothing. */
    public String toJson(Collection<?> records) {
        ArrayNode out = F.arrayNode();
        for (Object r : Objects.requireNonNull(records, "records")) {
            ObjectNode o = toJsonNode(r);
            if (!o.isEmpty()) {
                out.add(o);
            }
        }
        return PLAIN.writeValueAsString(out);
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
