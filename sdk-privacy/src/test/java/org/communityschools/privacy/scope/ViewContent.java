package org.communityschools.privacy.scope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the JSON of a student record view holds, read back by the shape of docs/privacy-view.md: the fields present
 * (category key, then the field's second segment, then child keys inside records) and, per field of records, each
 * record as a key naming it by its kind and natural key (the same keys {@link ExpectedView} makes).
 *
 * @param fields  the catalog paths present in the JSON
 * @param records per field of records, the record keys, sorted
 */
record ViewContent(Set<String> fields, Map<String, List<String>> records) {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Map<String, String> PREFIX = Map.ofEntries(Map.entry("identity", "identity"),
            Map.entry("directory", "directory"), Map.entry("contact", "contact"), Map.entry("demographics", "demographics"),
            Map.entry("attendance", "attendance"), Map.entry("behavior", "behavior"), Map.entry("coursework", "coursework"),
            Map.entry("assessment", "assessments"), Map.entry("programs", "programs"),
            Map.entry("special_education", "specialEducation"), Map.entry("meal_eligibility", "mealEligibility"),
            Map.entry("health", "health"), Map.entry("interventions", "interventions"), Map.entry("case_notes", "caseNotes"),
            Map.entry("meetings", "meetings"));
    /** The keys of a record that are attributes of its field, not child fields. */
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "attendance.records", Set.of("date", "school_id", "category", "duration"),
            "behavior.incidents", Set.of("incident_id", "date", "school_id", "behavior"),
            "interventions.participation", Set.of("intervention_id", "type", "provider_id", "school_id", "staff_id",
                    "start", "end", "status"));

    /** Reads {@code json}, the compact text of a view. */
    static ViewContent of(String json) {
        JsonNode root = MAPPER.readTree(json);
        Set<String> fields = new TreeSet<>();
        Map<String, List<String>> records = new TreeMap<>();
        for (Map.Entry<String, JsonNode> category : root.properties()) {
            String prefix = PREFIX.get(category.getKey());
            if (prefix == null) {
                throw new AssertionError("unknown category key " + category.getKey());
            }
            for (Map.Entry<String, JsonNode> f : category.getValue().properties()) {
                String field = prefix + "." + f.getKey();
                fields.add(field);
                List<String> keys = keys(field, f.getValue(), fields);
                if (keys != null) {
                    keys.sort(field.equals("directory.school") ? (a, b) -> 0 : Comparator.naturalOrder());
                    records.put(field, keys);
                }
            }
        }
        return new ViewContent(fields, records);
    }

    /** The record keys of a field, or null when the field holds no records; adds the child fields found. */
    private static List<String> keys(String field, JsonNode v, Set<String> fields) {
        List<String> out = new ArrayList<>();
        switch (field) {
            case "directory.school" -> v.forEach(x -> out.add(x.asString()));
            case "directory.gradeLevel" -> out.add(v.asString());
            default -> {
                if (!v.isArray()) {
                    return null;
                }
                for (JsonNode r : v) {
                    out.add(key(field, r));
                    Set<String> attributes = ATTRIBUTES.get(field);
                    if (attributes != null) {
                        for (String k : r.propertyNames()) {
                            if (!attributes.contains(k)) {
                                fields.add(field + "." + k);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String key(String field, JsonNode r) {
        return switch (field) {
            case "attendance.records" -> text(r, "school_id") + "|" + text(r, "date") + (r.has("reason") ? "|reason" : "");
            case "behavior.incidents" -> text(r, "incident_id") + (r.has("action") ? "|action" : "")
                    + (r.has("description") ? "|description" : "");
            case "coursework.marks" -> text(r, "school_id") + "|" + text(r, "school_year") + "|" + text(r, "term") + "|"
                    + text(r, "course_code");
            case "coursework.diplomas" -> text(r, "school_id") + "|" + text(r, "award_date");
            case "interventions.participation" -> text(r, "intervention_id") + "|start=" + text(r, "start") + "|end="
                    + text(r, "end") + (r.has("goal") ? "|goal" : "");
            case "directory.enrollmentDates" -> "start=" + text(r, "entry_date") + "|end=" + text(r, "exit_date");
            case "directory.exitWithdrawType" -> text(r, "exit_date") + "|" + text(r, "exit_type") + "|"
                    + text(r, "documented");
            default -> "start=" + text(r, "start") + "|end=" + text(r, "end");
        };
    }

    private static String text(JsonNode r, String key) {
        JsonNode v = r.get(key);
        return v == null || v.isNull() ? "-" : v.asString();
    }
}
