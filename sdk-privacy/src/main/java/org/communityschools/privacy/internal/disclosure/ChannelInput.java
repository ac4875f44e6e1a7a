package org.communityschools.privacy.internal.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads {@code [0, limit)} of a file channel with positional reads, leaving the channel's position alone. */
final class ChannelInput extends InputStream {
    private final FileChannel channel;
    private final long limit;
    private long position;

    ChannelInput(FileChannel channel, long limit) {
        this.channel = channel;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= limit) {
            return -1;
        }
        int want = (int) Math.min(len, limit - position);
        int n = channel.read(ByteBuffer.wrap(b, off, want), position);
        if (n > 0) {
            position += n;
        }
        return n;
    }
}
