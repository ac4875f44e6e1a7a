package org.communityschools.server.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Access;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.policy.Viewer;
import tools.jackson.databind.node.ObjectNode;

/**
 * The search APIs (AuthZEN 1.0 section 8) mapped onto the engine: subject search is "who can see this"
 * ({@code PolicyEngine.whoCanSee}), resource search "what can I see" ({@code PolicyEngine.whatCanISee}), action search
 * the actions permitted on a student (only {@code view}). Results are sorted by id and paginated ({@link Pages}).
 * Thread-safe.
 */
final class Searches {
    private final Evaluator evaluator;
    private final int defaultPageSize;

    Searches(Evaluator evaluator, int defaultPageSize) {
        this.evaluator = evaluator;
        this.defaultPageSize = defaultPageSize;
    }

    /**
     * The staff members who may see a field of a student ({@code resource.properties.field}, required), for the
     * context's purpose or for any purpose. Answered only to trusted clients: a list of who may see a student's records
     * is itself a record about the student (for special education fields, the list of persons with access of IDEA,
     * 34 CFR 300.623(d)).
     */
    ObjectNode subjects(Caller caller, ObjectNode request) {
        Requests.Subject subject = Requests.subject(request, false, "");
        if (!Requests.STAFF.equals(subject.type())) {
            throw ApiException.badRequest("subject.type must be 'staff', was '" + Requests.clip(subject.type()) + "'");
        }
        Requests.Resource resource = Requests.resource(request, true, "");
        String action = Requests.action(request, "");
        Requests.Context context = Requests.context(request, "");
        Pages.Page page = Pages.requested(request, defaultPageSize);
        StudentId student = resource.studentId("");
        FieldPath field = resource.field().orElseThrow(() -> ApiException.badRequest(
                "resource.properties.field is required for a subject search: who can see which field"));
        evaluator.checkKnownField(resource, "");
        caller.checkTrusted("a subject search");
        Optional<Purpose> purpose = context.purpose().map(p -> Evaluator.purposeOf(p, ""));
        Instant at = context.time().orElseGet(evaluator::now);
        TreeSet<StaffId> staff = new TreeSet<>();
        if (Requests.VIEW.equals(action)) {
            for (Viewer v : evaluator.engine(context.dataVersion()).whoCanSee(student, field, at)) {
                if (purpose.isEmpty() || purpose.get().equals(v.purpose())) {
                    staff.add(v.staff());
                }
            }
        }
        List<ObjectNode> results = new ArrayList<>();
        for (StaffId s : staff) {
            ObjectNode o = Json.object();
            o.put("type", Requests.STAFF);
            o.put("id", s.value());
            results.add(o);
        }
        return Pages.respond(request, page, results);
    }

    /**
     * The students a staff member may see something of ({@code resource.properties.category} narrows to a category),
     * for the context's purpose or for any purpose.
     */
    ObjectNode resources(Caller caller, ObjectNode request) {
        Requests.Subject subject = Requests.subject(request, true, "");
        Requests.Resource resource = Requests.resource(request, false, "");
        resource.checkType("");
        if (resource.field().isPresent()) {
            throw ApiException.badRequest("a resource search narrows by resource.properties.category, not by field");
        }
        String action = Requests.action(request, "");
        Requests.Context context = Requests.context(request, "");
        Pages.Page page = Pages.requested(request, defaultPageSize);
        StaffId staff = subject.staffId("");
        caller.checkMayAskAbout(staff);
        Optional<Purpose> purpose = context.purpose().map(p -> Evaluator.purposeOf(p, ""));
        Optional<DataCategory> category = resource.category().map(DataCategory::valueOf);
        Instant at = context.time().orElseGet(evaluator::now);
        TreeSet<String> students = new TreeSet<>();
        if (Requests.VIEW.equals(action)) {
            for (Access a : evaluator.engine(context.dataVersion()).whatCanISee(staff, at)) {
                if ((purpose.isEmpty() || purpose.get().equals(a.purpose()))
                        && (category.isEmpty() || a.categories().contains(category.get()))) {
                    students.add(a.student().value());
                }
            }
        }
        List<ObjectNode> results = new ArrayList<>();
        for (String s : students) {
            ObjectNode o = Json.object();
            o.put("type", Requests.STUDENT);
            o.put("id", s);
            results.add(o);
        }
        return Pages.respond(request, page, results);
    }

    /** The actions a staff member may take on a student's record (or a category or field of it): {@code view} or none. */
    ObjectNode actions(Caller caller, ObjectNode request) {
        Requests.Subject subject = Requests.subject(request, true, "");
        Requests.Resource resource = Requests.resource(request, true, "");
        Requests.Context context = Requests.context(request, "");
        Pages.Page page = Pages.requested(request, defaultPageSize);
        StaffId staff = subject.staffId("");
        StudentId student = resource.studentId("");
        evaluator.checkKnownField(resource, "");
        caller.checkMayAskAbout(staff);
        Instant at = context.time().orElseGet(evaluator::now);
        PolicyEngine engine = evaluator.engine(context.dataVersion());
        List<Purpose> purposes = context.purpose().isPresent()
                ? List.of(Evaluator.purposeOf(context.purpose().get(), ""))
                : List.copyOf(engine.policy().purposes().keySet());
        boolean view = false;
        for (Purpose p : purposes) {
            Decision d = evaluator.decide(caller, engine, staff, student, p.code(), at);
            var scope = DecisionContexts.scopeOf(resource, d, evaluator.catalog());
            if (d.permittedFields().stream().anyMatch(scope)) {
                view = true;
                break;
            }
        }
        List<ObjectNode> results = new ArrayList<>();
        if (view) {
            results.add(Json.object().put("name", Requests.VIEW));
        }
        return Pages.respond(request, page, results);
    }
}
