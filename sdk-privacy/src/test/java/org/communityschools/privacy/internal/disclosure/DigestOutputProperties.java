package org.communityschools.privacy.internal.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * A text written in pieces to a {@link DigestOutput} comes back whole, with the SHA-256 of its UTF-8 bytes; the
 * thread's buffer, given back after each text and grown past its first size, never mixes two texts.
 */
class DigestOutputProperties {
    @Property(tries = 300)
    void keepsTheTextAndHashesItsBytes(@ForAll @StringLength(max = 40_000) String text,
                                       @ForAll @IntRange(min = 1, max = 9_000) int piece) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        DigestOutput out = DigestOutput.keeping();
        for (int at = 0; at < utf8.length; at += piece) {
            if (piece == 1) {
                out.write(utf8[at]);
            } else {
                out.write(utf8, at, Math.min(piece, utf8.length - at));
            }
        }
        assertThat(out.hexDigest()).isEqualTo(LogCodec.hex(LogCodec.sha256().digest(utf8)));
        assertThat(out.text()).isEqualTo(new String(utf8, StandardCharsets.UTF_8));
    }

    @Property(tries = 100)
    void hashesAfterItsPrefix(@ForAll String body) {
        byte[] prefix = LogCodec.DOMAIN.getBytes(StandardCharsets.US_ASCII);
        DigestOutput out = DigestOutput.hashing(prefix);
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
        assertThat(out.hexDigest()).isEqualTo(LogCodec.hash(body));
    }

    /** The digests' hex (written by hand, for speed) is {@link java.util.HexFormat}'s lower-case hex, for any bytes. */
    @Property(tries = 500)
    void hexIsTheLowerCaseHexOfEveryByte(@ForAll byte[] bytes) {
        assertThat(LogCodec.hex(bytes)).isEqualTo(java.util.HexFormat.of().formatHex(bytes));
    }
}
