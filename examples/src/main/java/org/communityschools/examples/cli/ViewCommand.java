package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Denial;
import org.communityschools.privacy.policy.Grant;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.view.DisclosedView;
import org.communityschools.privacy.view.StudentRecordView;
import org.communityschools.privacy.view.Withheld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code view}: a student's record as one staff member may see it under the policy ({@code --policy}, or the default
 * one): JSON with one top-level object per data category, only the permitted fields and, of each, only the records in
 * the scope of a grant (the agreement's schools and years, the relationship's school and window, the consent's
 * window). Record first, then show: the text is printed only after its exact entries are appended, to the
 * tamper-evident log of {@code --log}, or without it to memory (a preview that says so on standard error: a disclosure
 * to the requester needs the log); if recording fails, nothing is printed. {@code --explain} adds every grant with its
 * scope, every denial, the records withheld outside scope and the entries that recorded the view.
 */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "A student's record as a staff member may see it (default policy unless --policy): one JSON object per data category. "
                + "Exit 0 when something is permitted, 3 when nothing is.")
public final class ViewCommand extends MetricsCommand.Common implements Callable<Integer> {
    /** Exit code when the decision permits nothing. */
    static final int EXIT_NOTHING_PERMITTED = 3;

    @Option(names = "--as", required = true, paramLabel = "STAFF_ID", description = "the requester")
    String staff;

    @Option(names = "--student", required = true, paramLabel = "STUDENT_ID", description = "whose record")
    String student;

    @Option(names = "--at", description = "the date of the request (default: today)")
    Optional<LocalDate> at;

    @Option(names = "--purpose", description = "instruction, student-support, school-administration or district-administration "
            + "(default: from the requester's role that day: teacher instruction, principal school-administration, "
            + "district admin district-administration, others student-support)")
    Optional<String> purpose;

    @Option(names = "--explain", description = "print {\"view\": …, \"decision\": …, \"recorded\": …}: every grant's legal basis, rule and "
            + "record scope, every denial's reason, the records withheld outside scope, and the log entries of the view")
    boolean explain;

    @Option(names = "--log", paramLabel = "FILE", description = "append the disclosure to this tamper-evident log (JSON Lines) before "
            + "printing; without it the entries go to memory and the view is a preview, not a recorded disclosure")
    Optional<Path> log;

    @Mixin
    PolicyOption policy;

    @Override
    public Integer call() {
        Policy rules = policy.policy();
        DistrictData data = load();
        StaffId requester = StaffId.of(staff);
        StudentId whose = StudentId.of(student);
        if (data.staff(requester).isEmpty()) {
            throw new IllegalArgumentException("unknown staff member: " + staff);
        }
        if (data.student(whose).isEmpty()) {
            throw new IllegalArgumentException("unknown student: " + student);
        }
        LocalDate date = at.orElse(LocalDate.now(AccessCommand.ZONE));
        Purpose p = Purpose.of(purpose.orElseGet(() -> defaultPurpose(data, requester, date)));
        PolicyEngine engine = PolicyEngine.builder().policy(rules).districtData(data).zone(AccessCommand.ZONE).build();
        Decision decision = engine.decide(requester, whose, p, date.atTime(12, 0).atZone(AccessCommand.ZONE).toInstant());
        StudentRecordView view = StudentRecordView.of(data, decision);
        PrintWriter out = spec.commandLine().getOut();
        // Record first, then show: the text exists only once its entries are appended. Without --log they are appended
        // to memory, which lasts as long as the command: the view is then a preview, not a recorded disclosure.
        DisclosedView disclosed;
        try (DisclosureSink sink = log.isPresent() ? DisclosureLogs.jsonLinesFile(log.get()) : DisclosureLogs.inMemory()) {
            disclosed = explain ? view.disclose(sink) : view.disclosePretty(sink);
        }
        if (log.isEmpty() && !view.isEmpty()) {
            spec.commandLine().getErr().println("note: not recorded in a disclosure log (34 CFR 99.32); a disclosure to the "
                    + "requester needs --log FILE");
            spec.commandLine().getErr().flush();
        }
        if (explain) {
            JsonMapper mapper = JsonMapper.builder().build();
            ObjectNode root = mapper.createObjectNode();
            root.set("view", mapper.readTree(disclosed.json()));
            root.set("decision", mapper.valueToTree(explanation(decision, view)));
            root.set("recorded", mapper.valueToTree(recorded(disclosed, log.isPresent())));
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.println(disclosed.json());
        }
        out.flush();
        return decision.permitsAny() ? 0 : EXIT_NOTHING_PERMITTED;
    }

    private static Map<String, Object> explanation(Decision d, StudentRecordView view) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("requester", d.requester().value());
        e.put("student", d.student().value());
        e.put("purpose", d.purpose().code());
        e.put("date", d.date().toString());
        e.put("policy", d.policyId() + " v" + d.policyVersion());
        List<Map<String, String>> grants = new ArrayList<>();
        for (Grant g : d.grants()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("field", g.field().toString());
            m.put("legal_basis", g.basis().name());
            m.put("rule", g.ruleId());
            g.agreement().ifPresent(a -> m.put("agreement", a.value()));
            g.consent().ifPresent(c -> m.put("consent", c.value()));
            m.put("scope", g.scope().toString());
            grants.add(m);
        }
        e.put("permitted", grants);
        List<Map<String, Object>> denials = new ArrayList<>();
        for (Denial den : d.denials()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("category", den.category().name().toLowerCase(Locale.ROOT));
            m.put("reason", den.reason());
            denials.add(m);
        }
        e.put("denied", denials);
        e.put("withheld", view.withheld().stream().map(Withheld::describe).toList());
        e.put("explanation", view.explanation());
        return e;
    }

    /** The log entries that recorded the printed view: exactly its fields, record counts, masks and digest. */
    private static Map<String, Object> recorded(DisclosedView disclosed, boolean durable) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("log", durable ? "file" : "memory (not kept: pass --log FILE)");
        List<Map<String, Object>> entries = new ArrayList<>();
        for (DisclosureEntry entry : disclosed.entries()) {
            Disclosure x = entry.disclosure();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sequence", entry.sequence());
            m.put("legal_basis", x.legalBasis().name());
            x.agreementId().ifPresent(a -> m.put("agreement", a.value()));
            x.consentId().ifPresent(c -> m.put("consent", c.value()));
            m.put("fields", x.fields().stream().map(Object::toString).toList());
            Map<String, Integer> counts = new LinkedHashMap<>();
            x.recordCounts().forEach((f, n) -> counts.put(f.value(), n));
            m.put("record_counts", counts);
            Map<String, String> masks = new LinkedHashMap<>();
            x.masks().forEach((f, t) -> masks.put(f.value(), t));
            m.put("masks", masks);
            x.contentDigest().ifPresent(dg -> m.put("digest", dg));
            entries.add(m);
        }
        r.put("entries", entries);
        return r;
    }

    /** The purpose a requester's role implies on a date, for when none is given. */
    public static String defaultPurpose(DistrictData data, StaffId requester, LocalDate date) {
        List<StaffRole> roles = data.assignmentsOn(requester, date).stream().map(StaffAssignment::role).toList();
        if (roles.contains(StaffRole.DISTRICT_ADMIN)) {
            return "district-administration";
        }
        if (roles.contains(StaffRole.PRINCIPAL)) {
            return "school-administration";
        }
        if (roles.contains(StaffRole.TEACHER)) {
            return "instruction";
        }
        return "student-support";
    }
}
