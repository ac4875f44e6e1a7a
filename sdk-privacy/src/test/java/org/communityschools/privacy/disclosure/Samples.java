package org.communityschools.privacy.disclosure;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.internal.disclosure.LogCodec;

/** Disclosures for tests: fixed examples and seeded random ones. */
final class Samples {
    private Samples() {}

    static final Instant T0 = Instant.parse("2026-09-14T13:45:00Z");
    static final List<FieldPath> PATHS = FieldCatalog.defaultCatalog().fields().stream().map(f -> f.path()).toList();
    private static final List<String> PURPOSES = List.of("success mentoring", "attendance outreach",
            "evaluation of the \"community schools\" initiative", "path C:\\reports", "suivi de l'élève — assiduité",
            "tutoring 📚", "chronic absence study 2026-27");

    /** A Success Mentor sees a mentee's attendance, as a school official under the CBO's agreement. */
    static Disclosure mentorSeesAttendance(String student, Instant at) {
        return Disclosure.builder().at(at).requester(StaffId.of("M-17")).requesterOrganization(OrganizationId.of("CBO-1"))
                .student(StudentId.of(student)).fields("attendance.records", "attendance.summary")
                .purpose("success mentoring").legalBasis(LegalBasis.SCHOOL_OFFICIAL).agreement(AgreementId.of("DSA-2026-01"))
                .build();
    }

    /** A health or safety emergency disclosure. */
    static Disclosure emergency(String student, Instant at) {
        return Disclosure.builder().at(at).requester(StaffId.of("P-1")).requesterOrganization(OrganizationId.of("01M015"))
                .student(StudentId.of(student)).fields("contact.guardians", "identity.name")
                .purpose("health or safety emergency").legalBasis(LegalBasis.EMERGENCY)
                .emergency(new EmergencyDetails("credible threat of self-harm reported to the counselor",
                        List.of("EMS", "NYPD 5th Precinct")))
                .build();
    }

    static Disclosure random(Random r) {
        LegalBasis basis = LegalBasis.values()[r.nextInt(LegalBasis.values().length)];
        List<FieldPath> fields = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            fields.add(PATHS.get(r.nextInt(PATHS.size())));
        }
        Disclosure.Builder b = Disclosure.builder()
                .at(Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000)))
                .requester(StaffId.of("T" + r.nextInt(5))).requesterOrganization(OrganizationId.of("ORG" + r.nextInt(3)))
                .student(StudentId.of("S" + r.nextInt(6))).fields(fields)
                .purpose(PURPOSES.get(r.nextInt(PURPOSES.size()))).legalBasis(basis);
        switch (basis) {
            case CONSENT -> b.consent(ConsentId.of("C" + r.nextInt(100)));
            case EMERGENCY -> b.emergency(new EmergencyDetails("threat " + r.nextInt(10), List.of("EMS")));
            case STUDIES, AUDIT_EVALUATION -> b.agreement(AgreementId.of("A" + r.nextInt(10)));
            case SCHOOL_OFFICIAL, DIRECTORY -> {
                if (r.nextBoolean()) {
                    b.agreement(AgreementId.of("A" + r.nextInt(10)));
                }
            }
        }
        return b.build();
    }

    static List<Disclosure> randomLog(long seed, int size) {
        Random r = new Random(seed);
        List<Disclosure> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(random(r));
        }
        return out;
    }

    /** The bytes a file sink writes for these disclosures, rendered directly (no fsync), with each line's bytes. */
    static List<byte[]> lines(List<Disclosure> disclosures) {
        List<byte[]> out = new ArrayList<>();
        String prev = LogCodec.GENESIS;
        long seq = 1;
        for (Disclosure d : disclosures) {
            String body = LogCodec.disclosureBody(seq++, prev, d);
            prev = LogCodec.hash(body);
            out.add((LogCodec.line(body, prev) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    static byte[] concat(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
