package org.communityschools.privacy.internal.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.EmergencyDetails;

/**
 * A disclosure entry's body written without a generator ({@link PlainBody}) is the generator's body
 * ({@link LogCodec#disclosureBody}) byte for byte whenever it is written, and it is written exactly when every text of
 * the entry is plain ASCII (no quote, backslash, slash, control or non-ASCII character); the chain hash of
 * {@link LogCodec#disclosureHash} is the hash of the generator's body either way. Texts are drawn from plain letters
 * mixed, in a third of the entries, with characters the generator escapes or encodes (quote, backslash, slash, é, a
 * no-break space, an emoji).
 */
class PlainBodyProperties {
    private static final List<FieldPath> PATHS =
            FieldCatalog.defaultCatalog().fields().stream().map(f -> f.path()).toList();
    private static final String PLAIN = "abcXYZ019 -_.:,;!?()[]{}'*+=~@#$%^&|<>`";
    private static final String OTHER = "\"\\/é\u00a0📚"; // a disclosure's texts hold no control character

    @Property(tries = 1000)
    void theBodyIsTheGeneratorsWhenPlain(@ForAll long seed) {
        Random r = new Random(seed);
        boolean[] plain = {true};
        Disclosure d = random(r, plain);
        long seq = 1 + r.nextInt(1_000_000);
        String prev = LogCodec.hex(LogCodec.sha256().digest(new byte[] {(byte) seed}));
        byte[] expected = LogCodec.disclosureBody(seq, prev, d).getBytes(StandardCharsets.UTF_8);
        PlainBody body = new PlainBody();
        int n = body.write(seq, prev, d);
        Statistics.label("plain").collect(n >= 0);
        // neither side vacuous: most entries take the plain path, a quarter or so the generator's
        Statistics.label("plain").coverage(c -> {
            c.check(true).percentage(p -> p > 50);
            c.check(false).percentage(p -> p > 10);
        });
        if (plain[0]) {
            assertThat(n).isEqualTo(expected.length);
            assertThat(java.util.Arrays.copyOf(body.bytes(), n)).isEqualTo(expected);
        } else {
            assertThat(n).isEqualTo(-1);
        }
        assertThat(LogCodec.disclosureHash(seq, prev, d))
                .isEqualTo(LogCodec.hash(LogCodec.disclosureBody(seq, prev, d)));
    }

    /** A random disclosure; {@code plain[0]} is set to false when one of its texts is not plain. */
    private static Disclosure random(Random r, boolean[] plain) {
        boolean mixed = r.nextInt(3) == 0;
        LegalBasis basis = LegalBasis.values()[r.nextInt(LegalBasis.values().length)];
        List<FieldPath> fields = new ArrayList<>();
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            fields.add(PATHS.get(r.nextInt(PATHS.size())));
        }
        long second = r.nextInt(20) == 0 ? -40_000_000_000L + r.nextLong(400_000_000_000L)
                : 1_700_000_000L + r.nextInt(100_000_000);
        Disclosure.Builder b = Disclosure.builder()
                .at(Instant.ofEpochSecond(second, r.nextBoolean() ? 0 : r.nextInt(1_000_000_000)))
                .requester(StaffId.of("T" + r.nextInt(5))).requesterOrganization(OrganizationId.of("ORG" + r.nextInt(3)))
                .student(StudentId.of("S" + r.nextInt(6))).fields(fields)
                .purpose("p " + text(r, mixed, plain)).legalBasis(basis);
        switch (basis) {
            case CONSENT -> b.consent(ConsentId.of("C" + r.nextInt(100)));
            case EMERGENCY -> {
                List<String> recipients = new ArrayList<>();
                for (int i = 1 + r.nextInt(3); i > 0; i--) {
                    recipients.add("r " + text(r, mixed, plain));
                }
                b.emergency(new EmergencyDetails("t " + text(r, mixed, plain), recipients));
            }
            case STUDIES, AUDIT_EVALUATION -> b.agreement(AgreementId.of("A" + r.nextInt(10)));
            default -> {
                if (r.nextBoolean()) {
                    b.agreement(AgreementId.of("A" + r.nextInt(10)));
                }
            }
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            FieldPath f = fields.get(r.nextInt(fields.size())); // counts and masks are of disclosed fields
            try {
                b.recordCount(f, r.nextInt(3) == 0 ? r.nextInt(10) : r.nextInt(Integer.MAX_VALUE));
            } catch (IllegalStateException once) {
                // the same field drawn twice: one count is enough
            }
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            FieldPath f = fields.get(r.nextInt(fields.size())); // counts and masks are of disclosed fields
            try {
                b.mask(f, List.of("REMOVE", "YEAR_ONLY", "MASK_A_B").get(r.nextInt(3))); // upper-case names only
            } catch (IllegalStateException once) {
                // the same field drawn twice
            }
        }
        if (r.nextBoolean()) {
            b.contentDigest("sha256:" + LogCodec.hex(LogCodec.sha256().digest(new byte[] {(byte) r.nextInt()})));
        }
        return b.build();
    }

    private static String text(Random r, boolean mixed, boolean[] plain) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            if (mixed && r.nextInt(6) == 0) {
                int at = r.nextInt(OTHER.length());
                if (Character.isHighSurrogate(OTHER.charAt(at))) {
                    s.append(OTHER, at, at + 2);
                } else if (Character.isLowSurrogate(OTHER.charAt(at))) {
                    s.append(OTHER, at - 1, at + 1);
                } else {
                    s.append(OTHER.charAt(at));
                }
                plain[0] = false;
            } else {
                s.append(PLAIN.charAt(r.nextInt(PLAIN.length())));
            }
        }
        return s.toString();
    }
}
