/**
 * Redaction: a student's record as one requester may see it. {@link org.communityschools.privacy.view.StudentRecordView}
 * builds, from {@link org.communityschools.core.data.DistrictData} and a
 * {@link org.communityschools.privacy.policy.Decision}, a view holding only the permitted fields of the
 * {@link org.communityschools.privacy.FieldCatalog}, with the decision's masks applied (birth date to year, name to
 * initials, free text removed) and its row restrictions (a Success Mentor sees only the interventions they deliver);
 * {@link org.communityschools.privacy.view.RecordViews} writes it as JSON with Jackson.
 * Include-only and fail closed (FERPA 34 CFR 99.31(a)(1)): a field unknown to the catalog, without a source, not
 * known to the view or failing to fill is never written. Shape and rules: docs/privacy-view.md.
 */
@NullMarked
package org.communityschools.privacy.view;

import org.jspecify.annotations.NullMarked;
