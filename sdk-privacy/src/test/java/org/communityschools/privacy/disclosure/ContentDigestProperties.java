package org.communityschools.privacy.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;

/** A disclosure accepts exactly the content digests of the rule {@code sha256:[0-9a-f]{64}}, checked without a regex. */
class ContentDigestProperties {
    private static final Pattern RULE = Pattern.compile("sha256:[0-9a-f]{64}");

    @Provide
    Arbitrary<String> digests() {
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdefABCDEFg:").ofMinLength(62).ofMaxLength(66);
        return Arbitraries.oneOf(hex.map(h -> "sha256:" + h), hex.map(h -> "sha512:" + h), Arbitraries.strings(),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map(h -> "sha256:" + h));
    }

    @Property(tries = 500)
    void acceptsExactlyTheRule(@ForAll("digests") String digest) {
        Disclosure.Builder b = Disclosure.builder().at(Samples.T0).requester(StaffId.of("M-17"))
                .requesterOrganization(OrganizationId.of("CBO-1")).student(StudentId.of("S1")).fields("attendance.records")
                .purpose("success mentoring").legalBasis(LegalBasis.SCHOOL_OFFICIAL).agreement(AgreementId.of("DSA-1"))
                .contentDigest(digest);
        if (RULE.matcher(digest).matches()) {
            assertThat(b.build().contentDigest()).contains(digest);
        } else {
            assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sha256: and 64 lower-case hex digits");
        }
    }
}
