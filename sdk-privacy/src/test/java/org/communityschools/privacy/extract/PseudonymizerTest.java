package org.communityschools.privacy.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;

/**
 * Research ids (34 CFR 99.31(b)(2)): HMAC-SHA-256 under a per-project key or random tokens with a crosswalk; never a
 * plain hash of the student id.
 */
class PseudonymizerTest {
    private static final byte[] KEY_A = "project-A-secret-key-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEY_B = "project-B-secret-key-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final StudentId STUDENT = StudentId.of("S0000042");

    @Test
    void theSameKeyGivesTheSamePseudonymAndAnotherKeyAnother() {
        String a1 = Pseudonymizer.hmacSha256("a-1", KEY_A).pseudonym(STUDENT);
        String a2 = Pseudonymizer.hmacSha256("a-2", KEY_A.clone()).pseudonym(STUDENT);
        String b = Pseudonymizer.hmacSha256("b-1", KEY_B).pseudonym(STUDENT);

        assertThat(a1).isEqualTo(a2).matches("[0-9a-f]{32}");
        assertThat(b).isNotEqualTo(a1);
        assertThat(Pseudonymizer.hmacSha256("a-1", KEY_A).pseudonym(StudentId.of("S0000043"))).isNotEqualTo(a1);
    }

    @Test
    void aPlainHashIsImpossibleToConfigure() throws Exception {
        // the only ways to get a Pseudonymizer are the two named factories
        assertThat(Pseudonymizer.class.getConstructors()).isEmpty();
        assertThat(Modifier.isFinal(Pseudonymizer.class.getModifiers())).isTrue();
        assertThat(Arrays.stream(Pseudonymizer.class.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == Pseudonymizer.class)
                .map(Method::getName).distinct()).containsExactlyInAnyOrder("hmacSha256", "randomTokens");
        assertThat(Pseudonymizer.Method.values()).containsExactly(Pseudonymizer.Method.HMAC_SHA_256,
                Pseudonymizer.Method.RANDOM_TOKEN);
        // an empty, short or constant key would make the MAC a hash anyone can recompute
        assertThatThrownBy(() -> Pseudonymizer.hmacSha256("k", new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain hash");
        assertThatThrownBy(() -> Pseudonymizer.hmacSha256("k", new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pseudonymizer.hmacSha256("k", new byte[32])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("random");
        // and the research id is not the SHA-256 of the id
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(STUDENT.value().getBytes(StandardCharsets.UTF_8)));
        assertThat(plain).doesNotStartWith(Pseudonymizer.hmacSha256("a", KEY_A).pseudonym(STUDENT));
        assertThat(plain).doesNotStartWith(Pseudonymizer.randomTokens().pseudonym(STUDENT));
    }

    @Test
    void randomTokensAreStablePerStudentWithinAnExtractAndFreshAcrossExtracts() {
        Pseudonymizer first = Pseudonymizer.randomTokens();
        String t = first.pseudonym(STUDENT);
        assertThat(first.pseudonym(STUDENT)).isEqualTo(t).matches("[0-9a-f]{32}");
        assertThat(Pseudonymizer.randomTokens().pseudonym(STUDENT)).isNotEqualTo(t);
        assertThat(first.crosswalk()).containsEntry(STUDENT, t);
        assertThat(first.keyId()).isEmpty();
    }

    @Test
    void theKeyIsRecordedByIdAndNeverShown() {
        Pseudonymizer p = Pseudonymizer.hmacSha256("project-7-key-1", KEY_A);
        assertThat(p.keyId()).contains("project-7-key-1");
        assertThat(p.toString()).doesNotContain(new String(KEY_A, StandardCharsets.UTF_8)).contains("project-7-key-1");
        assertThatThrownBy(() -> Pseudonymizer.hmacSha256("bad id with spaces", KEY_A))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.writeCrosswalk(java.nio.file.Path.of("unused.csv")))
                .isInstanceOf(IllegalStateException.class);
    }
}
