package org.communityschools.core.internal.read;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.Severity;
import org.communityschools.core.internal.json.AgreementsFile;
import org.communityschools.core.model.DataSharingAgreement;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code agreements.json} into the assembler: parsing and per-field rules by {@link AgreementsFile}, then the
 * Jakarta Validation annotations, then the cross-record rules of the assembler (organizations and schools exist).
 */
public final class AgreementsStep {
    private final @Nullable Validator validator;
    private final DataElements dataElements;

    /** A step that validates annotations with {@code validator}, or skips them when it is null. */
    public AgreementsStep(@Nullable Validator validator) {
        this(validator, DataElements.standard());
    }

    /** A step that validates annotations with {@code validator} (unless null) and accepts the {@code dataElements}. */
    public AgreementsStep(@Nullable Validator validator, DataElements dataElements) {
        this.validator = validator;
        this.dataElements = Objects.requireNonNull(dataElements, "dataElements");
    }

    /**
     * What the step works out before the assembler takes the agreements: the parsed file and each agreement's Jakarta
     * Validation violations, in the file's order. Neither needs an earlier file of the directory.
     */
    record Prepared(AgreementsFile.Result parsed, List<Set<ConstraintViolation<DataSharingAgreement>>> constraints) {}

    /** Parses {@code file} and validates each agreement ({@link Prepared}). */
    Prepared prepare(Path file) {
        AgreementsFile.Result parsed = AgreementsFile.read(file, dataElements);
        List<Set<ConstraintViolation<DataSharingAgreement>>> found = new ArrayList<>();
        for (AgreementsFile.ParsedAgreement p : parsed.agreements()) {
            found.add(validator == null ? Set.of() : validator.validate(p.agreement()));
        }
        return new Prepared(parsed, found);
    }

    /**
     * Starts {@link #prepare} of {@code file} on a thread of its own while the loader reads the CSV files (the JSON
     * reader's and the validator's first use cost a few hundred milliseconds of a cold JVM); the supplier returns its
     * result, or throws what it threw. A Jakarta {@link Validator} is thread-safe by its specification.
     */
    Supplier<Prepared> prepareAhead(Path file) {
        FutureTask<Prepared> task = new FutureTask<>(() -> prepare(file));
        Thread thread = new Thread(task, "agreements-ahead");
        thread.setDaemon(true);
        thread.start();
        return () -> SharedTasks.await(task, "reading " + file.getFileName());
    }

    /** Reads {@code file}, adding each agreement to {@code assembler}; counts[0..2] = read, accepted, rejected. */
    void read(Path file, Assembler assembler, Violations sink, long[] counts) {
        apply(prepare(file), assembler, sink, counts);
    }

    /** Adds the agreements of {@code prepared} to {@code assembler}, as {@link #read}; counts[0..2] likewise. */
    void apply(Prepared prepared, Assembler assembler, Violations sink, long[] counts) {
        AgreementsFile.Result parsed = prepared.parsed();
        parsed.violations().forEach(sink::add);
        parsed.rejectedIds().forEach(assembler::rejectedAgreement);
        long syntaxErrors = parsed.violations().stream().filter(v -> v.severity() == Severity.ERROR).count();
        counts[0] += parsed.agreements().size() + syntaxErrors;
        counts[2] += syntaxErrors;
        for (int i = 0; i < parsed.agreements().size(); i++) {
            AgreementsFile.ParsedAgreement p = parsed.agreements().get(i);
            Where at = new Where() {
                @Override
                public long line() {
                    return p.line();
                }

                @Override
                public int column(String name) {
                    return p.column();
                }
            };
            boolean ok = true;
            if (validator != null) {
                for (var v : prepared.constraints().get(i)) {
                    sink.error(DataFile.AGREEMENTS, p.line(), p.column(), null, null, "field.constraint",
                            v.getPropertyPath() + " " + v.getMessage());
                    ok = false;
                }
            }
            if (ok && assembler.add(p.agreement(), at)) {
                counts[1]++;
            } else {
                assembler.rejectedAgreement(p.agreement().id().value());
                counts[2]++;
            }
        }
    }
}
