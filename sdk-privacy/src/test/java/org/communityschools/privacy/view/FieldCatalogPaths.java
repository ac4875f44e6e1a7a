package org.communityschools.privacy.view;

import java.util.List;
import org.communityschools.privacy.FieldCatalog;

/** Every path of the default catalog, for decisions that permit everything. */
final class FieldCatalogPaths {
    static final List<String> ALL = FieldCatalog.defaultCatalog().fields().stream().map(f -> f.path().value()).toList();

    private FieldCatalogPaths() {}
}
