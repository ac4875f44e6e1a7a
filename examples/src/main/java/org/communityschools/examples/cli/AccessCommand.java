package org.communityschools.examples.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.StaffId;
import org.communityschools.privacy.policy.Access;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.PolicyEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code access}: what a staff member can see now, and why (the question users of Ed-Fi keep asking). */
@Command(name = "access", mixinStandardHelpOptions = true,
        description = "What a staff member can see, and why: each reachable student, purpose, categories, rules and legal bases.")
final class AccessCommand extends MetricsCommand.Common implements Callable<Integer> {
    /** The district's time zone for dated records. */
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Option(names = "--as", required = true, paramLabel = "STAFF_ID", description = "the requester")
    String staff;

    @Option(names = "--at", description = "the date of the request (default: today)")
    Optional<LocalDate> at;

    @Mixin
    PolicyOption policy;

    @Override
    public Integer call() {
        Policy rules = policy.policy();
        DistrictData data = load();
        StaffId requester = StaffId.of(staff);
        if (data.staff(requester).isEmpty()) {
            throw new IllegalArgumentException("unknown staff member: " + staff);
        }
        PolicyEngine engine = PolicyEngine.builder().policy(rules).districtData(data).zone(ZONE).build();
        List<Access> access = engine.whatCanISee(requester, at.orElse(LocalDate.now(ZONE)).atTime(12, 0).atZone(ZONE).toInstant());
        Table table = new Table(List.of("student_id", "purpose", "categories", "rules", "legal_bases"));
        for (Access a : access) {
            table.add(a.student().value(), a.purpose().code(),
                    a.categories().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|")),
                    String.join("|", a.rules()), a.bases().stream().map(Enum::name).collect(Collectors.joining("|")));
        }
        print(table);
        return 0;
    }
}
