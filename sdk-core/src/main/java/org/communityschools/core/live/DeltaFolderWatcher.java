package org.communityschools.core.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;
import org.jspecify.annotations.Nullable;

/**
 * A watched delta folder: delta directories ({@link DeltaDirectory}) dropped into a folder are applied to a
 * {@link LiveDistrict} without a restart. <b>Completion protocol:</b> a producer writes a delta directory as a
 * subdirectory of the folder and, once every file in it is written and closed, creates an empty file named
 * {@value #READY} in it; a subdirectory without that marker is left alone (still being written). Ready subdirectories
 * are applied one batch each, in the order of their names (name them so that this is the order they were made, such
 * as {@code 2026-12-07T05-30-00-attendance}).
 *
 * <p>A batch that is applied is moved to {@code applied/NAME}. A batch that is rejected (a field rule broken while
 * reading, or a rule of the district data directory broken by applying it: nothing of it is applied) is moved to
 * {@code rejected/NAME} and its errors are written next to it, to {@code rejected/NAME.errors.txt}, one located
 * violation a line ({@code file:line:column: ERROR [rule] message}, the form the command line prints). When the batch
 * cannot be applied for another reason (the journal cannot be written), it stays where it is and is tried again at the
 * next poll. Names starting with a dot and the {@code applied} and {@code rejected} folders are never read as batches.
 *
 * <p>{@link #poll()} applies what is ready now; {@link #start(Duration)} polls on a daemon thread until
 * {@link #close()}. Thread-safe: polls are serialized.
 */
public final class DeltaFolderWatcher implements AutoCloseable {
    /** The marker file whose presence says a delta directory is complete. */
    public static final String READY = "READY";
    /** The folder applied batches are moved to. */
    public static final String APPLIED = "applied";
    /** The folder rejected batches are moved to, each with its errors file. */
    public static final String REJECTED = "rejected";
    /** The suffix of a rejected batch's errors file, next to it: {@code rejected/NAME.errors.txt}. */
    public static final String ERRORS_SUFFIX = ".errors.txt";

    private static final System.Logger LOG = System.getLogger(DeltaFolderWatcher.class.getName());

    private final LiveDistrict district;
    private final Path folder;
    private final Consumer<Outcome> listener;
    private @Nullable ScheduledExecutorService timer;

    /**
     * What became of one delta directory.
     *
     * @param name    the subdirectory's name
     * @param movedTo where it is now ({@code applied/NAME} or {@code rejected/NAME})
     * @param version the version the batch made, when it was applied
     * @param errors  the violations, when it was rejected (each located at a file, line and column of the batch)
     */
    public record Outcome(String name, Path movedTo, OptionalLong version, List<Violation> errors) {
        /**
         * Copies the errors.
         *
         * @param name the subdirectory's name
         * @param movedTo where it is now ({@code applied/NAME} or {@code rejected/NAME})
         * @param version the version the batch made, when it was applied
         * @param errors the violations, when it was rejected
         */
        public Outcome {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(movedTo, "movedTo");
            Objects.requireNonNull(version, "version");
            errors = List.copyOf(errors);
        }

        /** {@return whether the batch was applied} */
        public boolean applied() {
            return version.isPresent();
        }
    }

    private DeltaFolderWatcher(LiveDistrict district, Path folder, Consumer<Outcome> listener) {
        this.district = district;
        this.folder = folder;
        this.listener = listener;
    }

    /**
     * A watcher of {@code folder} (created when missing, with its {@code applied} and {@code rejected} folders) for
     * {@code district}; {@code listener} is told of every batch applied or rejected, on the polling thread.
     *
     * @param district the live district the batches are applied to
     * @param folder the watched folder
     * @param listener told of every batch applied or rejected
     * @return the watcher, not started
     * @throws UncheckedIOException when the folders cannot be created
     */
    public static DeltaFolderWatcher of(LiveDistrict district, Path folder, Consumer<Outcome> listener) {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(listener, "listener");
        try {
            Files.createDirectories(folder.resolve(APPLIED));
            Files.createDirectories(folder.resolve(REJECTED));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the watched folder " + folder, e);
        }
        return new DeltaFolderWatcher(district, folder, listener);
    }

    /** {@return the watched folder} */
    public Path folder() {
        return folder;
    }

    /**
     * Polls every {@code interval} on a daemon thread until {@link #close()}; a failing poll is logged and tried again
     * at the next interval.
     *
     * @param interval the time between the end of one poll and the start of the next
     * @return this watcher
     * @throws IllegalStateException when already started
     */
    public synchronized DeltaFolderWatcher start(Duration interval) {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        long millis = Math.max(1, interval.toMillis());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "delta-folder-" + folder.getFileName());
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "polling " + folder + " failed (" + e.getClass().getSimpleName() + "); trying again");
            }
        }, 0, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Applies every ready delta directory now, in name order, and returns what became of each.
     *
     * @return what became of each delta directory applied or rejected, in name order
     * @throws UncheckedIOException when the folder cannot be listed or a batch cannot be moved
     */
    public synchronized List<Outcome> poll() {
        List<Path> ready;
        try (Stream<Path> s = Files.list(folder)) {
            ready = s.filter(Files::isDirectory).filter(p -> !ignored(p.getFileName().toString()))
                    .filter(p -> Files.isRegularFile(p.resolve(READY))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        List<Outcome> out = new ArrayList<>();
        for (Path dir : ready) {
            Outcome o = applyOne(dir);
            if (o != null) {
                out.add(o);
                listener.accept(o);
            }
        }
        return out;
    }

    private static boolean ignored(String name) {
        return name.startsWith(".") || name.equals(APPLIED) || name.equals(REJECTED);
    }

    private @Nullable Outcome applyOne(Path dir) {
        String name = dir.getFileName().toString();
        List<Violation> errors;
        try {
            ChangeBatch batch = DeltaDirectory.read(dir, district.current().data());
            DistrictVersion v = district.apply(batch);
            Path to = move(dir, folder.resolve(APPLIED));
            return new Outcome(name, to, OptionalLong.of(v.number()), List.of());
        } catch (BatchRejectedException e) {
            errors = e.violations().stream().filter(x -> x.severity() == Severity.ERROR).toList();
        } catch (UncheckedIOException e) {
            // the journal could not be written: nothing was applied; try again at the next poll
            LOG.log(System.Logger.Level.WARNING, "the batch " + name + " could not be applied (" + e.getMessage() + "); will retry");
            return null;
        }
        Path to = move(dir, folder.resolve(REJECTED));
        StringBuilder text = new StringBuilder();
        for (Violation v : errors) {
            text.append(v).append('\n');
        }
        try {
            Files.writeString(to.resolveSibling(to.getFileName() + ERRORS_SUFFIX), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the errors of " + to, e);
        }
        return new Outcome(name, to, OptionalLong.empty(), errors);
    }

    /** Moves {@code dir} into {@code target}, under its name or, when taken, its name with the first free {@code -N}. */
    private static Path move(Path dir, Path target) {
        String name = dir.getFileName().toString();
        Path to = target.resolve(name);
        for (int i = 2; Files.exists(to) || Files.exists(to.resolveSibling(to.getFileName() + ERRORS_SUFFIX)); i++) {
            to = target.resolve(name + "-" + i);
        }
        try {
            try {
                return Files.move(dir, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                return Files.move(dir, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + dir + " to " + to, e);
        }
    }

    /** Stops polling (a poll under way finishes). */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdown();
        }
    }
}
