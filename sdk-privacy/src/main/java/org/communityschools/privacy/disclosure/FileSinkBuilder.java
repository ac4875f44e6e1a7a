package org.communityschools.privacy.disclosure;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.privacy.internal.disclosure.CheckpointSettings;
import org.communityschools.privacy.internal.disclosure.JsonLinesFileSink;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link DisclosureSink} appending to a JSON Lines file, optionally signing checkpoints of its head into a
 * {@link CheckpointStore} kept apart from the log (the role of RFC 6962's signed tree heads). Get one from
 * {@link DisclosureLogs#jsonLinesFileBuilder(Path)}. Each setting may be set once and is checked at once; the
 * combination is checked in {@link #build()}. Not thread-safe; the sink it builds is.
 *
 * <pre>{@code
 * DisclosureSink sink = DisclosureLogs.jsonLinesFileBuilder(log)
 *         .checkpoints(DisclosureLogs.checkpointFile(checkpoints), CheckpointKey.fromFile("log-key-1", keyFile))
 *         .checkpointEvery(1000)         // and on close, by default
 *         .build();
 * }</pre>
 */
public final class FileSinkBuilder {
    private final Path file;
    private @Nullable CheckpointStore store;
    private @Nullable CheckpointKey key;
    private long every = -1;
    private @Nullable Boolean onClose;
    private @Nullable Clock clock;

    FileSinkBuilder(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * Signs checkpoints with {@code key} into {@code store}: when the sink opens a non-empty log (after verifying the
     * log against the store's checkpoints), on close unless {@link #checkpointOnClose(boolean) turned off}, every
     * {@link #checkpointEvery(long) N entries} when set, and on {@link DisclosureSink#writeCheckpoint()}. A checkpoint
     * that cannot be stored makes {@code append} (or {@code close}) throw {@link DisclosureLogException}: the entries
     * are in the log, and the caller refuses the disclosure as for any failed append.
     *
     * @param key the key to sign with
     * @param store the store of checkpoints
     * @return this builder
     */
    public FileSinkBuilder checkpoints(CheckpointStore store, CheckpointKey key) {
        if (this.store != null) {
            throw new IllegalStateException("checkpoints were already set to " + this.store);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        return this;
    }

    /**
     * Signs an interval checkpoint once {@code entries} (1 or more) durable entries follow the last checkpoint.
     *
     * @param entries the number of entries between checkpoints, 1 or more
     * @return this builder
     */
    public FileSinkBuilder checkpointEvery(long entries) {
        if (every != -1) {
            throw new IllegalStateException("checkpointEvery was already set to " + every);
        }
        if (entries < 1) {
            throw new IllegalArgumentException("checkpointEvery needs 1 or more entries, was " + entries);
        }
        this.every = entries;
        return this;
    }

    /**
     * Whether closing the sink signs a closing checkpoint; {@code true} by default when checkpoints are set.
     *
     * @param onClose true to sign a checkpoint when the sink is closed
     * @return this builder
     */
    public FileSinkBuilder checkpointOnClose(boolean onClose) {
        if (this.onClose != null) {
            throw new IllegalStateException("checkpointOnClose was already set to " + this.onClose);
        }
        this.onClose = onClose;
        return this;
    }

    /**
     * The clock whose time each checkpoint states; the system clock (UTC) by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public FileSinkBuilder clock(Clock clock) {
        if (this.clock != null) {
            throw new IllegalStateException("clock was already set to " + this.clock);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Opens or creates the log, as {@link DisclosureLogs#jsonLinesFile(Path)} does; with checkpoints, also verifies
     * the log against every checkpoint in the store and signs an opening checkpoint at its head.
     *
     * @return the sink; close it to release the file
     * @throws IllegalStateException  when {@code checkpointEvery} or {@code checkpointOnClose(true)} is set without
     *                                {@code checkpoints}
     * @throws DisclosureLogException when the log is not intact or does not match its checkpoints, is held by
     *                                another sink, or cannot be opened
     */
    public DisclosureSink build() {
        if (store == null || key == null) {
            if (every != -1 || Boolean.TRUE.equals(onClose)) {
                throw new IllegalStateException("checkpointEvery and checkpointOnClose need checkpoints(store, key)");
            }
            return JsonLinesFileSink.open(file);
        }
        return JsonLinesFileSink.open(file, Optional.of(new CheckpointSettings(store, key, Math.max(every, 0),
                onClose == null || onClose, clock == null ? Clock.systemUTC() : clock)));
    }
}
