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
import org.communityschools.interop.EdFiChangeQueries;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code apply --data DIR (--changes DELTA | --edfi-changes DIR) [--out DIR]}: a delta directory, or the answers of an
 * Ed-Fi ODS/API's change queries, applied whole or not at all.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply a delta directory (the data directory's files with an op column: upsert or delete), or "
                + "the saved answers of an Ed-Fi ODS/API's change queries, to a district data directory, whole or not "
                + "at all, with the rules of the directory. Prints every broken rule at the source's file and line "
                + "(exit code 1), or the changes applied; with --out, writes the changed data there (and, for Ed-Fi, "
                + "the change version applied, " + EdFiChangeQueries.CHANGE_VERSION_FILE + ").")
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the district data directory")
    Path data;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--changes", required = true, paramLabel = "DELTA", description = "the delta directory")
        Path delta;

        @Option(names = "--edfi-changes", required = true, paramLabel = "DIR",
                description = "Ed-Fi ODS/API change-query answers: a folder per resource with page-N.json, deletes-N.json, "
                        + "keyChanges-N.json; records at or below the change version kept in --data are skipped")
        Path edfi;
    }

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the changed data (a new or empty directory)")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        Path changes = source.delta != null ? source.delta : source.edfi;
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
        EdFiChangeQueries.Result edfi = null;
        try {
            if (source.edfi != null) {
                edfi = EdFiChangeQueries.builder().build().read(changes, before, EdFiChangeQueries.appliedVersion(data).orElse(-1));
                edfi.warnings().forEach(v -> stdout.println(changes.resolve(v.file()) + v.toString().substring(v.file().length())));
                batch = edfi.batch();
            } else {
                batch = DeltaDirectory.read(changes, before);
            }
            after = LiveDistrict.of(before).apply(batch);
        } catch (BatchRejectedException e) {
            e.violations().forEach(v -> stdout.println(changes.resolve(v.file()) + v.toString().substring(v.file().length())));
            stdout.printf(Locale.ROOT, "REJECTED: %,d error(s); nothing was applied%n", e.violations().size());
            return Main.EXIT_INVALID;
        }
        long deletes = batch.changes().stream().filter(c -> c instanceof Change.Delete).count();
        stdout.printf(Locale.ROOT, "APPLIED: %,d change(s) (%,d upsert(s), %,d delete(s)) as version %d: %s%n",
                batch.size(), batch.size() - deletes, deletes, after.number(), after.data());
        if (edfi != null) {
            stdout.printf(Locale.ROOT, "Ed-Fi change version %d applied; ask the API next with minChangeVersion=%d%n",
                    edfi.changeVersion(), edfi.changeVersion() + 1);
        }
        if (out != null) {
            DistrictDataWriter.write(after.data(), out);
            if (edfi != null && edfi.changeVersion() >= 0) {
                EdFiChangeQueries.keepVersion(out, edfi.changeVersion());
            }
            stdout.println("Wrote " + out);
        }
        return 0;
    }
}
