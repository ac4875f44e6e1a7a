package org.communityschools.privacy.internal.disclosure;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * A stream that takes the SHA-256 of the bytes written to it as they come, and keeps them when asked to: text is
 * written once (by a Jackson generator) and its digest and its decoded text are taken from those bytes, without a copy
 * to hash and a copy to decode. The kept bytes go to a buffer of the thread, given back by {@link #text()} (a view is
 * written on every disclosed request). One instance per text; not thread-safe.
 */
public final class DigestOutput extends OutputStream {
    /** The largest buffer kept for the thread's next text. */
    private static final int KEPT_LIMIT = 1 << 20;
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[16 * 1024]);
    /**
     * The factory of the generators that write a view or a log entry's body into a digest stream: Jackson's defaults,
     * with the generator's buffers lent by the thread instead of a pool shared by all threads (a view and its entries
     * take a generator each, on every disclosed request; the shared pool's queue was ~4% of a view's time). The bytes
     * written are the same: the pool only decides where the buffers come from.
     */
    private static final TokenStreamFactory GENERATORS = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

    private final MessageDigest md;
    private byte @Nullable [] buffer;
    private int size;

    private DigestOutput(MessageDigest md, byte @Nullable [] buffer) {
        this.md = md;
        this.buffer = buffer;
    }

    /** A stream that only hashes what is written, after {@code prefix}. */
    public static DigestOutput hashing(byte[] prefix) {
        MessageDigest md = LogCodec.sha256();
        md.update(prefix);
        return new DigestOutput(md, null);
    }

    /** A stream that only hashes what is written into {@code md} (which the caller has reset, or primed with a prefix). */
    public static DigestOutput hashing(MessageDigest md) {
        return new DigestOutput(md, null);
    }

    /** A stream that hashes what is written and keeps it, to be read once as text by {@link #text()}. */
    public static DigestOutput keeping() {
        byte[] b = BUFFERS.get();
        BUFFERS.set(null); // lent out: a text written while this one is (none is) gets a buffer of its own
        return new DigestOutput(LogCodec.sha256(), b == null ? new byte[16 * 1024] : b);
    }

    /**
     * A generator of the shared factory writing UTF-8 into this stream, with the settings of {@code context} (compact
     * for {@link ObjectWriteContext#empty()}, or its pretty printer); close it to flush the last bytes.
     */
    public JsonGenerator generator(ObjectWriteContext context) {
        return GENERATORS.createGenerator(context, this);
    }

    @Override
    public void write(int b) {
        md.update((byte) b);
        byte[] buf = buffer;
        if (buf != null) {
            if (size == buf.length) {
                buf = grow(1);
            }
            buf[size++] = (byte) b;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        md.update(b, off, len);
        byte[] buf = buffer;
        if (buf != null) {
            if (size + len > buf.length) {
                buf = grow(len);
            }
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }
    }

    private byte[] grow(int more) {
        byte[] grown = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        buffer = grown;
        return grown;
    }

    /** {@return the lower-case hex SHA-256 of the bytes written (after the prefix); the digest is then reset} */
    public String hexDigest() {
        return LogCodec.hex(md.digest());
    }

    /** {@return the bytes written, decoded as UTF-8}; the buffer goes back to the thread, so call it once, last */
    public String text() {
        byte[] buf = buffer;
        if (buf == null) {
            throw new IllegalStateException("a hashing stream keeps no text");
        }
        String out = new String(buf, 0, size, StandardCharsets.UTF_8);
        buffer = null;
        if (buf.length <= KEPT_LIMIT) {
            BUFFERS.set(buf);
        }
        return out;
    }
}
