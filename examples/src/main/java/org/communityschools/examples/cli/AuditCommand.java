package org.communityschools.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.communityschools.privacy.disclosure.CheckpointKey;
import org.communityschools.privacy.disclosure.CheckpointStore;
import org.communityschools.privacy.disclosure.CheckpointVerification;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.LogRepair;
import org.communityschools.privacy.disclosure.SignedCheckpoint;
import org.communityschools.privacy.disclosure.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit}: checks on the record of disclosures (34 CFR 99.32). */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check a tamper-evident disclosure log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoint.class, AuditCommand.Repair.class})
final class AuditCommand {
    /** Where the checkpoints of {@code LOG} are looked for when no {@code --checkpoint} is given: {@code LOG.checkpoints}. */
    static final String CHECKPOINTS_SUFFIX = ".checkpoints";

    private AuditCommand() {}

    static Path existingLog(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a file: " + file);
        }
        return file;
    }

    /** A subcommand on one log file, given as its first parameter. */
    abstract static class OnLogFile implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the disclosure log (JSON Lines)")
        Path file;
    }

    static Path siblingCheckpoints(Path log) {
        return log.resolveSibling(log.getFileName() + CHECKPOINTS_SUFFIX);
    }

    /**
     * {@code audit verify FILE [--checkpoint CHECKPOINTS --key-file F]}: exit 0 when the log is intact (and reaches
     * its checkpoints), 1 naming the first bad entry or checkpoint.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify a disclosure log's hash chain and, with a checkpoint file, that the log still reaches "
                    + "every signed checkpoint: exit 0 when intact, 1 naming the first altered, removed, reordered, torn, "
                    + "truncated or appended entry, or the first forged or inconsistent checkpoint.")
    static final class Verify extends OnLogFile {
        @Option(names = "--checkpoint", paramLabel = "CHECKPOINTS",
                description = "the signed checkpoints of the log (default FILE.checkpoints, when it exists)")
        Path checkpoints;

        @Option(names = "--key-file", paramLabel = "F", description = "the checkpoint key (hex or base64, at least 32 bytes)")
        Path keyFile;

        @Option(names = "--key-id", paramLabel = "ID", description = "the key's id (default the one the checkpoints name)")
        String keyId;

        @Override
        public Integer call() {
            existingLog(file);
            PrintWriter out = spec.commandLine().getOut();
            Optional<Path> signed = Optional.ofNullable(checkpoints).or(() -> Optional.of(siblingCheckpoints(file))
                    .filter(Files::isRegularFile));
            if (signed.isEmpty()) {
                if (keyFile != null) {
                    throw new IllegalArgumentException("--key-file needs checkpoints: no --checkpoint given and no "
                            + siblingCheckpoints(file));
                }
                VerificationReport report = DisclosureLogs.verify(file);
                out.println(file + ": " + report);
                out.flush();
                return report.isIntact() ? 0 : Main.EXIT_INVALID;
            }
            Path store = signed.get();
            if (!Files.isRegularFile(store)) {
                throw new IllegalArgumentException("no checkpoint file at " + store);
            }
            if (keyFile == null) {
                throw new IllegalArgumentException("the checkpoints in " + store + " need their key: give --key-file");
            }
            CheckpointStore checkpointStore = DisclosureLogs.checkpointFile(store);
            List<SignedCheckpoint> all = checkpointStore.checkpoints();
            String id = keyId != null ? keyId : all.isEmpty() ? "none" : all.get(0).keyId();
            CheckpointVerification verification = DisclosureLogs.verify(file, checkpointStore, CheckpointKey.fromFile(id, keyFile));
            out.println(file + ": " + verification);
            out.flush();
            return verification.isIntact() ? 0 : Main.EXIT_INVALID;
        }
    }

    /** {@code audit checkpoint --log FILE --key-file F --key-id ID [--out CHECKPOINTS]}: signs the log's head. */
    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Sign the head of a disclosure log (sequence number and chain hash) with HMAC-SHA-256 and "
                    + "append it to a checkpoint file kept apart from the log; refused (exit 1) when the log does not "
                    + "verify against the checkpoints already there.")
    static final class Checkpoint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--log", required = true, paramLabel = "FILE", description = "the disclosure log (JSON Lines)")
        Path log;

        @Option(names = "--key-file", required = true, paramLabel = "F",
                description = "the checkpoint key (hex or base64, at least 32 bytes), kept apart from the log")
        Path keyFile;

        @Option(names = "--key-id", required = true, paramLabel = "ID", description = "the key's id, written in the checkpoint")
        String keyId;

        @Option(names = "--out", paramLabel = "CHECKPOINTS", description = "the checkpoint file to append to (default FILE.checkpoints)")
        Path out;

        @Override
        public Integer call() {
            existingLog(log);
            Path store = out != null ? out : siblingCheckpoints(log);
            SignedCheckpoint signed = DisclosureLogs.writeCheckpoint(log, DisclosureLogs.checkpointFile(store),
                    CheckpointKey.fromFile(keyId, keyFile), Clock.systemUTC());
            PrintWriter w = spec.commandLine().getOut();
            w.println(log + ": signed checkpoint at sequence " + signed.head().sequence() + " appended to " + store);
            w.println(signed);
            w.flush();
            return 0;
        }
    }

    /** {@code audit repair FILE}: removes an incomplete last line, keeping a backup. */
    @Command(name = "repair", mixinStandardHelpOptions = true,
            description = "Remove an incomplete last line (a write cut short by a crash) and nothing else: keeps a "
                    + "backup of the log beside it and records the cut in the chain. Refused (exit 1) when the log has "
                    + "any other defect.")
    static final class Repair extends OnLogFile {
        @Override
        public Integer call() {
            existingLog(file);
            Optional<LogRepair> repair;
            try {
                repair = DisclosureLogs.repair(file);
            } catch (org.communityschools.privacy.disclosure.DisclosureLogException e) { // say which log
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (repair.isEmpty()) {
                out.println(file + ": intact, nothing to repair");
            } else {
                LogRepair r = repair.get();
                out.println(file + ": removed the incomplete last line after line " + (r.line() - 1) + " (" + r.droppedBytes()
                        + " bytes, SHA-256 " + r.droppedSha256() + "); recorded as repair line " + r.line()
                        + "; the log as it was is kept in " + r.backup());
            }
            out.flush();
            return 0;
        }
    }
}
