package org.communityschools.core.internal.index;

import java.util.Map;
import java.util.Objects;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.InstructionalCalendar;
import org.communityschools.core.model.SchoolId;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's own access to what {@link DistrictData} keeps package-private: its index, and a constructor that shares
 * the calendars of an earlier version (for versions made by changes). Installed by {@code DistrictData} when its
 * class is initialized. Not API.
 */
public abstract class DataBridge {
    private static volatile @Nullable DataBridge instance;

    /** Called once by {@code DistrictData}. */
    public static void install(DataBridge bridge) {
        instance = Objects.requireNonNull(bridge, "bridge");
    }

    /** The bridge (initializing {@code DistrictData} when needed). */
    public static DataBridge get() {
        DataBridge b = instance;
        if (b == null) {
            DistrictData.empty();
            b = instance;
        }
        return Objects.requireNonNull(b, "DataBridge");
    }

    /** The index of {@code data}. */
    public abstract DistrictIndex index(DistrictData data);

    /** Data over {@code index}; when {@code calendars} is not null it is used as is (the schools are unchanged). */
    public abstract DistrictData wrap(DistrictIndex index, @Nullable Map<SchoolId, InstructionalCalendar> calendars);

    /** The calendars map of {@code data}, to share with a later version. */
    public abstract Map<SchoolId, InstructionalCalendar> calendars(DistrictData data);
}
