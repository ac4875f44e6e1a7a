package org.communityschools.server.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureLogException;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.view.DisclosedView;
import org.communityschools.privacy.view.StudentRecordView;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record endpoint: a student's record as the requester may see it, redacted by the engine's decision, obtained only
 * through {@link StudentRecordView#disclose}, which appends the exact disclosure to the log before the text exists.
 * When the append fails the response is 503 and carries no record. Thread-safe.
 */
final class Records {
    static final String NOTHING = "no record of this student that the requester may see for this purpose";

    private final Evaluator evaluator;
    private final DisclosureSink log;

    Records(Evaluator evaluator, DisclosureSink log) {
        this.evaluator = evaluator;
        this.log = log;
    }

    /**
     * The response body: the student, the purpose, the date, the disclosure entries appended (each listing exactly the
     * fields written under its legal basis, the record counts, the masks and the digest of the record's text), and the
     * record itself, byte for byte the text the digest covers. 404 when nothing may be shown (the same for a missing
     * and a forbidden student).
     */
    byte[] record(Caller caller, ObjectNode request) {
        Requests.Subject subject = Requests.subject(request, true, "");
        Requests.Resource resource = Requests.resource(request, true, "");
        if (resource.category().isPresent() || resource.field().isPresent()) {
            throw ApiException.badRequest("the record endpoint returns the whole record the requester may see; "
                    + "resource.properties.category and field are not accepted");
        }
        Requests.Context context = Requests.context(request, "");
        if (context.time().isPresent()) {
            throw ApiException.badRequest("the record endpoint decides at the server's time; context.time is not accepted");
        }
        StaffId staff = subject.staffId("");
        StudentId student = resource.studentId("");
        String purpose = context.requiredPurpose("");
        Instant at = evaluator.now();
        Engines.Snapshot version = evaluator.engines().snapshot(context.dataVersion());
        Decision decision = evaluator.decide(caller, version.engine(), staff, student, purpose, at);
        StudentRecordView view = StudentRecordView.of(version.data(), decision, evaluator.catalog());
        if (view.isEmpty()) {
            throw new ApiException(404, NOTHING);
        }
        DisclosedView disclosed;
        try {
            disclosed = view.disclose(log);
        } catch (DisclosureLogException | IllegalStateException e) {
            throw new ApiException(503, "the disclosure log could not record this disclosure, so nothing was disclosed");
        }
        ObjectNode head = Json.object();
        head.put("student", student.value());
        head.put("purpose", purpose);
        head.put("date", decision.date().toString());
        head.put("data_version", decision.dataVersion());
        ArrayNode entries = head.putArray("disclosures");
        for (DisclosureEntry e : disclosed.entries()) {
            Disclosure d = e.disclosure();
            ObjectNode o = entries.addObject();
            o.put("sequence", e.sequence());
            o.put("legal_basis", d.legalBasis().name());
            d.agreementId().ifPresent(a -> o.put("agreement", a.value()));
            d.consentId().ifPresent(c -> o.put("consent", c.value()));
            ArrayNode fields = o.putArray("fields");
            d.fields().forEach(f -> fields.add(f.value()));
            ObjectNode counts = o.putObject("record_counts");
            d.recordCounts().forEach((f, n) -> counts.put(f.value(), n));
            ObjectNode masks = o.putObject("masks");
            d.masks().forEach((f, m) -> masks.put(f.value(), m));
            d.contentDigest().ifPresent(x -> o.put("content_digest", x));
        }
        String text = Json.MAPPER.writeValueAsString(head);
        String body = text.substring(0, text.length() - 1) + ",\"record\":" + disclosed.json() + "}";
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
