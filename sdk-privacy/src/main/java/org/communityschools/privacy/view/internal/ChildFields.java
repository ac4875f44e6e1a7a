package org.communityschools.privacy.view.internal;

import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.jspecify.annotations.Nullable;

/**
 * The child fields of record fields as a catalog defines them, whatever the decision: resolved once per catalog (a
 * path made and parsed, a catalog lookup and a filler lookup), not for every view. Thread-safe.
 */
final class ChildFields {
    private ChildFields() {}

    /**
     * What a child segment of a record field is, whatever the decision: its path (null when malformed), its field in
     * the catalog (null when the catalog has none) and its filler (null when the view has none).
     */
    record ChildField(@Nullable FieldPath path, @Nullable DataField field, Fillers.@Nullable ChildFiller filler) {}

    private record ChildKey(FieldPath parent, String segment) {
        // written out (the same equality as the record's), as Authority's
        @Override
        public boolean equals(Object o) {
            return o instanceof ChildKey k && k.parent.value().equals(parent.value()) && k.segment.equals(segment);
        }

        @Override
        public int hashCode() {
            return parent.value().hashCode() * 31 + segment.hashCode();
        }
    }

    /** The child fields of one catalog met so far (the segments are the fillers' own: a few dozen at most). */
    private record CatalogChildren(FieldCatalog catalog, java.util.concurrent.ConcurrentHashMap<ChildKey, ChildField> known) {}

    /** Those of the last catalog asked about (a catalog is immutable; views mostly use the default one). */
    private static volatile @Nullable CatalogChildren lastChildren;

    /** What child segment {@code segment} of the record field {@code parent} is in {@code catalog}. */
    static ChildField of(FieldCatalog catalog, FieldPath parent, String segment) {
        CatalogChildren known = lastChildren;
        if (known == null || known.catalog() != catalog) {
            known = new CatalogChildren(catalog, new java.util.concurrent.ConcurrentHashMap<>());
            lastChildren = known;
        }
        ChildKey key = new ChildKey(parent, segment);
        ChildField c = known.known().get(key);
        if (c == null) {
            String text = parent.value() + "." + segment;
            if (!FieldPath.isWellFormed(text)) {
                c = new ChildField(null, null, null);
            } else {
                FieldPath p = FieldPath.of(text);
                c = new ChildField(p, catalog.field(p).orElse(null), Fillers.child(p.value()).orElse(null));
            }
            known.known().putIfAbsent(key, c);
        }
        return c;
    }
}
