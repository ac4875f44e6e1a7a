package org.communityschools.core.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and, at the first byte sequence that is not UTF-8, throws {@link InvalidEncoding} with the 1-based
 * line and column (in characters) where that sequence starts, counting lines as a JSON parser does ({@code \n},
 * {@code \r\n} or {@code \r}). Does not close the stream. Not thread-safe.
 */
final class StrictUtf8Reader extends Reader {
    /** The input is not UTF-8 at {@link #line()}, {@link #column()}. */
    static final class InvalidEncoding extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;
        private final int column;

        InvalidEncoding(long line, int column) {
            super("the input is not UTF-8 at line " + line + ", column " + column);
            this.line = line;
            this.column = column;
        }

        long line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean eof;
    private boolean flushed;
    private long line = 1;
    private int column = 1;
    private boolean afterCr;
    private int pending = -1;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pending >= 0) {
            buffer[off] = (char) pending;
            pending = -1;
            count(buffer, off, off + 1);
            return 1;
        }
        CharBuffer out = CharBuffer.wrap(buffer, off, len);
        while (out.position() == off) {
            if (!bytes.hasRemaining() && !eof) {
                fill();
            }
            if (flushed) {
                return -1;
            }
            CoderResult r = decoder.decode(bytes, out, eof);
            if (r.isError()) {
                count(buffer, off, out.position());
                throw new InvalidEncoding(line, column);
            }
            if (r.isOverflow() && out.position() == off) {
                // room for one char, and the next is a surrogate pair: hand out its first half now
                CharBuffer pair = CharBuffer.allocate(2);
                decoder.decode(bytes, pair, eof);
                buffer[off] = pair.get(0);
                pending = pair.get(1);
                count(buffer, off, off + 1);
                return 1;
            }
            if (eof && !bytes.hasRemaining()) {
                decoder.flush(out);
                flushed = out.position() == off;
                if (flushed) {
                    return -1;
                }
            } else if (r.isUnderflow() && !eof) {
                fill();
            }
        }
        count(buffer, off, out.position());
        return out.position() - off;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void count(char[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = buffer[i];
            if (c == '\n') {
                if (!afterCr) {
                    line++;
                }
                column = 1;
            } else if (c == '\r') {
                line++;
                column = 1;
            } else {
                column++;
            }
            afterCr = c == '\r';
        }
    }

    @Override
    public void close() {
        // the caller owns the stream
    }
}
