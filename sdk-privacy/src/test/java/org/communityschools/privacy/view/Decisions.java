package org.communityschools.privacy.view;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.Grant;
import org.communityschools.privacy.policy.MaskTransform;
import org.communityschools.privacy.policy.Obligation;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.policy.TestDecisions;

/** Hand-made decisions, to test the view apart from the policy engine. */
final class Decisions {
    static final LocalDate DAY = LocalDate.of(2016, 10, 12);

    private Decisions() {}

    /** A decision permitting exactly {@code paths} (a path unknown to the catalog gets the category IDENTITY). */
    static Decision permitting(StudentId student, List<String> paths, Obligation... obligations) {
        List<Grant> grants = paths.stream().map(p -> TestDecisions.grant(FieldPath.of(p),
                FieldCatalog.defaultCatalog().field(p).map(f -> f.category()).orElse(DataCategory.IDENTITY),
                "test-rule", TestDecisions.everything())).toList();
        return TestDecisions.of(StaffId.of("TEST-1"), student, Purpose.of("instruction"), ViewCity.noon(DAY), DAY,
                grants, List.of(), List.of(obligations), "made by hand for a test");
    }

    static Obligation mask(String path, MaskTransform t) {
        return new Obligation.MaskField(FieldPath.of(path), t);
    }
}
