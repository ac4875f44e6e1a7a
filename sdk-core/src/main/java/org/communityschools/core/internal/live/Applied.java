package org.communityschools.core.internal.live;

import java.util.Set;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;

/**
 * The result of applying a batch: the new data and the access facts it changed.
 *
 * @param data            the new data
 * @param students        the students whose access facts changed
 * @param staff           the staff members whose access facts changed
 * @param everyone        whether an access fact of everyone changed (organizations, schools, partnerships, agreements)
 * @param incremental     whether the incremental path made the data (else the whole district was assembled again)
 */
public record Applied(DistrictData data, Set<StudentId> students, Set<StaffId> staff, boolean everyone, boolean incremental) {}
