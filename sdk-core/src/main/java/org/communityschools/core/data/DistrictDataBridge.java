package org.communityschools.core.data;

import java.util.Map;
import org.communityschools.core.internal.index.DataBridge;
import org.communityschools.core.internal.index.DistrictIndex;
import org.communityschools.core.model.SchoolId;
import org.jspecify.annotations.Nullable;

/**
 * Installs the SDK's own access to what {@link DistrictData} keeps package-private ({@link DataBridge}: its index,
 * and a constructor that shares the calendars of an earlier version); called once when {@code DistrictData} is
 * initialized. Not API.
 */
final class DistrictDataBridge extends DataBridge {
    private DistrictDataBridge() {
    }

    /** Installs the bridge. */
    static void install() {
        DataBridge.install(new DistrictDataBridge());
    }

    @Override
    public DistrictIndex index(DistrictData data) {
        return data.ix;
    }

    @Override
    public DistrictData wrap(DistrictIndex index, @Nullable Map<SchoolId, InstructionalCalendar> calendars) {
        return calendars == null ? new DistrictData(index) : new DistrictData(index, calendars);
    }

    @Override
    public Map<SchoolId, InstructionalCalendar> calendars(DistrictData data) {
        return data.calendars;
    }
}
