package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.DistrictDataWriter;
import org.communityschools.core.live.BatchRejectedException;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.DeltaDirectory;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code apply --data DIR --changes DELTA [--out DIR]}: a delta directory applied whole or not at all. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply a delta directory (the data directory's files with an op column: upsert or delete) to a "
                + "district data directory, whole or not at all, with the rules of the directory. Prints every broken "
                + "rule at the delta's file and line (exit code 1), or the changes applied; with --out, writes the "
                + "changed data there.")
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the district data directory")
    Path data;

    @Option(names = "--changes", required = true, paramLabel = "DELTA", description = "the delta directory")
    Path changes;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the changed data (a new or empty directory)")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (!Files.isDirectory(changes)) {
            throw new IllegalArgumentException("not a directory: " + changes);
        }
        if (out != null && Files.isDirectory(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out must be a new or empty directory: " + out);
                }
            }
        }
        DistrictData before;
        try {
            before = DistrictDataReader.builder().lenient(false).build().read(data).data();
        } catch (DataValidationException e) {
            e.violations().forEach(stdout::println);
            stdout.printf(Locale.ROOT, "INVALID: %s has %,d error(s); nothing was applied%n", data, e.errorCount());
            return Main.EXIT_INVALID;
        }
        DistrictVersion after;
        ChangeBatch batch;
        try {
            batch = DeltaDirectory.read(changes, before);
            after = LiveDistrict.of(before).apply(batch);
        } catch (BatchRejectedException e) {
            e.violations().forEach(v -> stdout.println(changes.resolve(v.file()) + v.toString().substring(v.file().length())));
            stdout.printf(Locale.ROOT, "REJECTED: %,d error(s); nothing was applied%n", e.violations().size());
            return Main.EXIT_INVALID;
        }
        long deletes = batch.changes().stream().filter(c -> c instanceof Change.Delete).count();
        stdout.printf(Locale.ROOT, "APPLIED: %,d change(s) (%,d upsert(s), %,d delete(s)) as version %d: %s%n",
                batch.size(), batch.size() - deletes, deletes, after.number(), after.data());
        if (out != null) {
            DistrictDataWriter.write(after.data(), out);
            stdout.println("Wrote " + out);
        }
        return 0;
    }
}
