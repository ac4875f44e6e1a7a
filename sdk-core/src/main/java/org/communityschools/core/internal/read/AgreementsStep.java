package org.communityschools.core.internal.read;

import jakarta.validation.Validator;
import java.nio.file.Path;
import java.util.Objects;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.Severity;
import org.communityschools.core.internal.json.AgreementsFile;
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

    /** Reads {@code file}, adding each agreement to {@code assembler}; counts[0..2] = read, accepted, rejected. */
    void read(Path file, Assembler assembler, Violations sink, long[] counts) {
        AgreementsFile.Result parsed = AgreementsFile.read(file, dataElements);
        parsed.violations().forEach(sink::add);
        parsed.rejectedIds().forEach(assembler::rejectedAgreement);
        long syntaxErrors = parsed.violations().stream().filter(v -> v.severity() == Severity.ERROR).count();
        counts[0] += parsed.agreements().size() + syntaxErrors;
        counts[2] += syntaxErrors;
        for (AgreementsFile.ParsedAgreement p : parsed.agreements()) {
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
                for (var v : validator.validate(p.agreement())) {
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
