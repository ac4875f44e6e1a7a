package org.communityschools.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.StaffId;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.extract.Generalization;
import org.communityschools.privacy.extract.Pseudonymizer;
import org.communityschools.privacy.extract.ResearchExtract;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code extract}: a research extract under a studies or audit/evaluation agreement (sdk-privacy's
 * {@link ResearchExtract}): CSV files and a manifest, one disclosure-log entry per student, research ids by
 * HMAC-SHA-256 under a project key or random tokens with a crosswalk the district keeps.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Write a de-identified research extract under a studies or audit/evaluation agreement: only the "
                + "agreement's fields, research ids instead of student ids, generalized quasi-identifiers, k-anonymity, "
                + "a manifest with the destruction date, and one disclosure-log entry per student.")
final class ExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the district data directory")
    Path data;

    @Option(names = "--agreement", required = true, paramLabel = "ID", description = "the studies or audit/evaluation agreement")
    String agreement;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the extract directory (absent or empty)")
    Path out;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Ids ids;

    static final class Ids {
        @ArgGroup(exclusive = false)
        Hmac hmac;

        @Option(names = "--crosswalk", paramLabel = "FILE",
                description = "random-token research ids; the crosswalk (student_id,research_id) is written here for the district to keep")
        Path crosswalk;
    }

    static final class Hmac {
        @Option(names = "--key-file", required = true, paramLabel = "FILE",
                description = "HMAC-SHA-256 research ids under the project key in this file (hex or base64, at least 128 bits)")
        Path keyFile;

        @Option(names = "--key-id", required = true, paramLabel = "ID", description = "the key's id, recorded in the manifest")
        String keyId;
    }

    @Option(names = "--k", paramLabel = "N", defaultValue = "5", description = "k-anonymity over the quasi-identifiers (default: ${DEFAULT-VALUE}; 1: off)")
    int k;

    @Option(names = "--on-violation", defaultValue = "generalize", description = "generalize, suppress or refuse (default: ${DEFAULT-VALUE})")
    String onViolation;

    @Option(names = "--generalize", split = ",", paramLabel = "G",
            description = "birth-year, grade-band, school-type (default: birth-year)")
    List<String> generalize = new java.util.ArrayList<>();

    @Option(names = "--log", paramLabel = "FILE",
            description = "the district's disclosure log (JSON Lines) to record the disclosures in (default: OUT-disclosures.jsonl beside OUT)")
    Optional<Path> log;

    @Option(names = "--as", paramLabel = "STAFF_ID", description = "who receives the extract (default: the recipient organization's id)")
    Optional<String> as;

    @Option(names = "--at", description = "the day of the extract (default: today)")
    Optional<LocalDate> at;

    /** The district's policy, validated whole; its field catalog names the data elements an extract can carry. */
    @Mixin
    PolicyOption policy = new PolicyOption();

    @Override
    public Integer call() {
        ResearchExtract.KStrategy strategy = switch (onViolation) {
            case "generalize" -> ResearchExtract.KStrategy.GENERALIZE_THEN_SUPPRESS;
            case "suppress" -> ResearchExtract.KStrategy.SUPPRESS;
            case "refuse" -> ResearchExtract.KStrategy.REFUSE;
            default -> throw new IllegalArgumentException("--on-violation must be generalize, suppress or refuse, was '" + onViolation + "'");
        };
        Set<Generalization> gens = EnumSet.noneOf(Generalization.class);
        for (String g : generalize.isEmpty() ? List.of("birth-year") : generalize) {
            if (g.trim().equals("none")) {
                continue;
            }
            gens.add(switch (g.trim()) {
                case "birth-year" -> Generalization.BIRTH_DATE_TO_YEAR;
                case "grade-band" -> Generalization.GRADE_TO_BAND;
                case "school-type" -> Generalization.SCHOOL_TO_TYPE;
                default -> throw new IllegalArgumentException("--generalize takes birth-year, grade-band, school-type or none, was '" + g + "'");
            });
        }
        Pseudonymizer pseudonyms = ids.hmac != null ? Pseudonymizer.hmacSha256(ids.hmac.keyId, readKey(ids.hmac.keyFile))
                : Pseudonymizer.randomTokens();
        if (ids.crosswalk != null && Files.exists(ids.crosswalk)) {
            throw new IllegalArgumentException("the crosswalk file " + ids.crosswalk + " exists; it is never overwritten");
        }
        var catalog = policy.policy().catalog();
        PrintWriter err = spec.commandLine().getErr();
        err.println("Reading " + data + " ...");
        err.flush();
        DistrictData district = DistrictDataReader.builder().build().read(data).data();
        AgreementId id = AgreementId.of(agreement);
        StaffId recipient = StaffId.of(as.orElseGet(() -> district.agreement(id).map(a -> a.recipientOrganizationId().value())
                .orElse("unknown-recipient")));
        Clock clock = at.map(d -> Clock.fixed(d.atTime(12, 0).atZone(AccessCommand.ZONE).toInstant(), AccessCommand.ZONE))
                .orElse(Clock.system(AccessCommand.ZONE));
        ResearchExtract extract = ResearchExtract.builder(district, id).pseudonyms(pseudonyms).recipient(recipient)
                .clock(clock).k(k).onViolation(strategy).generalize(gens).catalog(catalog).build();
        Path logFile = log.orElse(out.toAbsolutePath().resolveSibling(out.getFileName() + "-disclosures.jsonl"));
        try (DisclosureSink sink = DisclosureLogs.jsonLinesFile(logFile)) {
            extract.write(out, sink, clock);
        }
        if (ids.crosswalk != null) {
            pseudonyms.writeCrosswalk(ids.crosswalk);
            err.println("crosswalk for the district (keep it apart from the extract): " + ids.crosswalk);
        }
        err.println("extract of " + extract.studentCount() + " students under " + id + " (" + extract.agreement().legalBasis()
                + ") written to " + out + "; " + extract.suppressedStudents() + " students suppressed for k = " + extract.k()
                + ", generalized " + extract.generalizations() + "; destroy by " + extract.destructionDate()
                + "; disclosures recorded in " + logFile);
        extract.withheldFields().forEach((f, why) -> err.println("not included: " + f + " (" + why + ")"));
        err.flush();
        return 0;
    }

    private static byte[] readKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + file, e);
        }
        if (text.matches("([0-9a-fA-F]{2})+")) {
            return HexFormat.of().parseHex(text);
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key file " + file + " must hold the key in hex or base64");
        }
    }
}
