package org.communityschools.server.internal;

import java.time.Instant;
import java.util.Optional;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AuthZEN entities of a request, read from JSON with the service's vocabulary checked: shape errors (a missing
 * required member, a member of the wrong JSON type, a malformed identifier) are a 400; members the service does not
 * know are ignored, as the HTTPS binding requires for forward compatibility.
 */
final class Requests {
    static final String STAFF = "staff";
    static final String STUDENT = "student";
    static final String VIEW = "view";

    private Requests() {}

    /** A subject: {@code {"type": "staff", "id": STAFF_ID}}. */
    record Subject(String type, String id) {
        StaffId staffId(String where) {
            if (!STAFF.equals(type)) {
                throw ApiException.badRequest(where + "subject.type must be 'staff', was '" + clip(type) + "'");
            }
            return identifier(() -> StaffId.of(id), where + "subject.id");
        }
    }

    /**
     * A resource: {@code {"type": "student", "id": STUDENT_ID}}, narrowed by {@code properties.category} (a data
     * category such as {@code ATTENDANCE}) or {@code properties.field} (a field path such as
     * {@code attendance.records}), not both.
     */
    record Resource(String type, String id, Optional<String> category, Optional<FieldPath> field) {
        StudentId studentId(String where) {
            checkType(where);
            return identifier(() -> StudentId.of(id), where + "resource.id");
        }

        void checkType(String where) {
            if (!STUDENT.equals(type)) {
                throw ApiException.badRequest(where + "resource.type must be 'student', was '" + clip(type) + "'");
            }
        }
    }

    /**
     * The request's context: the purpose ({@code purpose}), the instant to decide at ({@code time}) and the consistency
     * token ({@code data_version}: decide on a version of the data at least this fresh; 0 when absent).
     */
    record Context(Optional<String> purpose, Optional<Instant> time, long dataVersion) {
        static final Context EMPTY = new Context(Optional.empty(), Optional.empty(), 0);

        String requiredPurpose(String where) {
            return purpose.orElseThrow(() -> ApiException.badRequest(where
                    + "context.purpose is required: the purpose of the access, one the policy declares"));
        }
    }

    /** One access evaluation. */
    record Evaluation(Subject subject, Resource resource, String action, Context context) {}

    static Subject subject(ObjectNode request, boolean idRequired, String where) {
        ObjectNode s = Json.object(request, "subject", where)
                .orElseThrow(() -> ApiException.badRequest(where + "subject is required"));
        String type = Json.requiredString(s, "type", where + "subject.");
        String id = idRequired ? Json.requiredString(s, "id", where + "subject.") : Json.string(s, "id", where + "subject.").orElse("");
        Json.object(s, "properties", where + "subject.");
        return new Subject(type, id);
    }

    static Resource resource(ObjectNode request, boolean idRequired, String where) {
        ObjectNode r = Json.object(request, "resource", where)
                .orElseThrow(() -> ApiException.badRequest(where + "resource is required"));
        String type = Json.requiredString(r, "type", where + "resource.");
        String id = idRequired ? Json.requiredString(r, "id", where + "resource.") : Json.string(r, "id", where + "resource.").orElse("");
        Optional<ObjectNode> props = Json.object(r, "properties", where + "resource.");
        Optional<String> category = props.flatMap(p -> Json.string(p, "category", where + "resource.properties."));
        Optional<String> field = props.flatMap(p -> Json.string(p, "field", where + "resource.properties."));
        if (category.isPresent() && field.isPresent()) {
            throw ApiException.badRequest(where + "resource.properties names a category or a field, not both");
        }
        category.ifPresent(c -> {
            if (!org.communityschools.privacy.FieldCatalog.isCategoryName(c)) {
                throw ApiException.badRequest(where + "resource.properties.category must be a data category such as "
                        + "ATTENDANCE, was '" + clip(c) + "'");
            }
        });
        Optional<FieldPath> path = field.map(f -> {
            if (!FieldPath.isWellFormed(f)) {
                throw ApiException.badRequest(where + "resource.properties.field must be a field path such as "
                        + "attendance.records, was '" + clip(f) + "'");
            }
            return FieldPath.of(f);
        });
        return new Resource(type, id, category, path);
    }

    static String action(ObjectNode request, String where) {
        ObjectNode a = Json.object(request, "action", where)
                .orElseThrow(() -> ApiException.badRequest(where + "action is required"));
        Json.object(a, "properties", where + "action.");
        return Json.requiredString(a, "name", where + "action.");
    }

    static Context context(ObjectNode request, String where) {
        return Json.object(request, "context", where).map(c -> new Context(
                Json.string(c, "purpose", where + "context."),
                Json.instant(c, "time", where + "context."),
                Json.count(c, "data_version", where + "context.").orElse(0L))).orElse(Context.EMPTY);
    }

    /** A single access evaluation request. */
    static Evaluation evaluation(ObjectNode request, String where) {
        return new Evaluation(subject(request, true, where), resource(request, true, where), action(request, where),
                context(request, where));
    }

    /**
     * One item of an evaluations request, each of subject, resource, action and context taken from the item when
     * present, else from the top-level default (AuthZEN 1.0, "Default values").
     */
    static Evaluation item(ObjectNode defaults, ObjectNode item, String where) {
        ObjectNode merged = Json.object();
        for (String key : new String[] {"subject", "resource", "action", "context"}) {
            if (item.has(key) && !item.get(key).isNull()) {
                merged.set(key, item.get(key));
            } else if (defaults.has(key) && !defaults.get(key).isNull()) {
                merged.set(key, defaults.get(key));
            }
        }
        return evaluation(merged, where);
    }

    static <T> T identifier(java.util.function.Supplier<T> make, String name) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " must be an identifier of 1 to 32 characters without whitespace");
        }
    }

    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
