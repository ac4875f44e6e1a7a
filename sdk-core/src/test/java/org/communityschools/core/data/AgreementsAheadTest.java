package org.communityschools.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.communityschools.core.internal.index.DistrictIndex;
import org.communityschools.core.internal.read.AgreementsStep;
import org.communityschools.core.internal.read.DirectoryLoader;
import org.communityschools.core.internal.read.Violations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On more than one thread the loader parses and validates agreements.json on a thread of its own while it reads the
 * CSV files ({@code AgreementsStep.prepareAhead}); the result is the one-thread read's: the same agreements accepted,
 * the same violations (a syntax-level rule, a version rule, a Jakarta constraint) and counts.
 */
class AgreementsAheadTest {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @TempDir
    Path dir;

    private static String agreement(String id, int version, String versionDate, int destructionDays, String extra) {
        return "{" + extra + "\"agreement_id\": \"" + id + "\", \"version\": " + version + ", \"status\": \"ACTIVE\", "
                + (versionDate.isEmpty() ? "" : "\"version_effective_date\": \"" + versionDate + "\", ")
                + "\"disclosing_organization_id\": \"D1\", \"recipient_organization_id\": \"C1\", "
                + "\"legal_basis\": \"SCHOOL_OFFICIAL\", \"purpose\": \"Community school supports\", "
                + "\"school_ids\": [\"K1\"], \"school_years\": [2018], \"data_elements\": [\"ATTENDANCE\"], "
                + "\"permitted_roles\": [\"SUCCESS_MENTOR\"], \"effective_date\": \"2017-09-01\", \"end_date\": \"2018-08-31\", "
                + "\"signed_date\": \"2017-08-15\", \"destruction_days\": " + destructionDays + "}";
    }

    /** Counts, violations and accepted agreements of a load on {@code threads} threads. */
    private static String load(Path dir, int threads) {
        Violations violations = new Violations(1_000);
        DirectoryLoader loader = new DirectoryLoader(VALIDATOR, violations, DataElements.standard(), ReadLimits.defaults())
                .parallel(threads, 1 << 20);
        DistrictIndex index = loader.load(dir, new AgreementsStep(VALIDATOR));
        Map<String, String> counts = new TreeMap<>();
        loader.counts().forEach((f, c) -> counts.put(f.fileName(), java.util.Arrays.toString(c)));
        return counts + "\n" + violations.sorted() + "\naccepted " + index.agreements.stream()
                .map(a -> a.id().value() + " v" + a.version()).toList();
    }

    @Test
    void theAgreementsReadAheadAreTheAgreementsReadInTurn() {
        String json = "[\n  " + String.join(",\n  ", List.of(
                agreement("A1", 1, "", 30, ""),
                agreement("A1", 2, "2018-01-01", 30, ""),
                agreement("A2", 1, "", 5000, ""),
                agreement("A3", 1, "", 30, "\"colour\": \"red\", "),
                agreement("A4", 1, "", 30, ""),
                agreement("A4", 2, "2017-01-01", 30, ""))) + "\n]\n";
        Path d = Fixture.valid().raw("agreements.json", json).writeTo(dir);

        String oneThread = load(d, 1);
        String ahead = load(d, 2);

        assertThat(ahead).isEqualTo(oneThread);
        // both paths checked the Jakarta constraint (destruction_days at most 3650), the unknown key and the versions
        assertThat(ahead).contains("field.constraint").contains("destructionDays").contains("agreements.json=[");
        assertThat(ahead).contains("accepted [A1 v1, A1 v2]");
    }
}
