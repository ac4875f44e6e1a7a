package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.AgreementHistory;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DestructionObligation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agreements --data DIR [--as-of DATE]}: every version of every data-sharing agreement, which version governs on
 * the date and whether the agreement is in force, and the destruction each ended agreement owes (34 CFR
 * 99.31(a)(6)(iii)(C)(4), 99.35(b)(2)): due, or overdue once its deadline has passed.
 */
@Command(name = "agreements", mixinStandardHelpOptions = true,
        description = "Every version of every data-sharing agreement, the version in effect on a date, and the "
                + "destruction each ended agreement owes (due, or overdue after its deadline).")
final class AgreementsCommand extends MetricsCommand.Common implements Callable<Integer> {
    @Option(names = "--as-of", description = "the date to report on (default: today)")
    Optional<LocalDate> asOf;

    @Override
    public Integer call() {
        DistrictData data = load();
        LocalDate date = asOf.orElse(LocalDate.now(AccessCommand.ZONE));
        Table table = new Table(List.of("agreement_id", "version", "status", "version_effective_date", "effective_date",
                "end_date", "in_effect", "recipient_id", "legal_basis", "status_on_date", "in_force", "destruction",
                "destruction_deadline"));
        int due = 0;
        int overdue = 0;
        for (AgreementHistory h : data.agreementHistories()) {
            Optional<DataSharingAgreement> governing = h.versionOn(date);
            String statusOnDate = governing.map(v -> v.status().name()).orElse("NOT_STARTED");
            Optional<DestructionObligation> destruction = h.destructionOn(date);
            String owed = destruction.map(o -> o.isOverdueOn(date) ? "overdue" : "due").orElse("");
            due += owed.equals("due") ? 1 : 0;
            overdue += owed.equals("overdue") ? 1 : 0;
            for (DataSharingAgreement v : h.versions()) {
                table.add(v.id().value(), v.version(), v.status().name(), v.versionEffectiveDate().toString(),
                        v.effectiveDate().toString(), v.endDate().toString(), governing.filter(v::equals).isPresent(),
                        v.recipientOrganizationId().value(), v.legalBasis().name(), statusOnDate, h.inForceOn(date), owed,
                        destruction.map(o -> o.deadline().toString()).orElse(""));
            }
        }
        print(table);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "%d agreement(s) on %s: %d destruction(s) due, %d overdue%n",
                data.agreementHistories().size(), date, due, overdue);
        err.flush();
        return 0;
    }
}
