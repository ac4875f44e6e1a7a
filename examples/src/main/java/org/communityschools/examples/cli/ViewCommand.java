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
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Denial;
import org.communityschools.privacy.policy.Grant;
import org.communityschools.privacy.policy.Obligation;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.view.RecordViews;
import org.communityschools.privacy.view.StudentRecordView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code view}: a student's record as one staff member may see it under the policy ({@code --policy}, or the default
 * one): JSON with one top-level
 * object per data category, nothing outside the decision. Every disclosure is recorded first when {@code --log} is
 * given; if recording fails, nothing is printed.
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

    @Option(names = "--explain", description = "print {\"view\": …, \"decision\": …} with every grant's legal basis and rule and every denial's reason")
    boolean explain;

    @Option(names = "--log", paramLabel = "FILE", description = "append the disclosures to this tamper-evident log (JSON Lines) before printing")
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
        if (log.isPresent()) {
            try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(log.get())) {
                for (Obligation o : decision.obligations()) {
                    if (o instanceof Obligation.RecordDisclosure r) {
                        sink.append(r.disclosure());
                    }
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (explain) {
            JsonMapper mapper = JsonMapper.builder().build();
            ObjectNode root = mapper.createObjectNode();
            root.set("view", mapper.readTree(RecordViews.toJson(data, decision)));
            root.set("decision", mapper.valueToTree(explanation(decision)));
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.println(RecordViews.toPrettyJson(view));
        }
        out.flush();
        return decision.permitsAny() ? 0 : EXIT_NOTHING_PERMITTED;
    }

    private static Map<String, Object> explanation(Decision d) {
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
        e.put("explanation", d.explanation());
        return e;
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
