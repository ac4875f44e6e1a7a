/**
 * Live district data: a {@code DistrictData} kept current by batches of changes (docs/live-data.md).
 *
 * <p>Entry points: {@link org.communityschools.core.live.LiveDistrict} (holds the current version and applies
 * batches), {@link org.communityschools.core.live.ChangeBatch} (what a batch changes), and the feeds
 * {@link org.communityschools.core.live.DeltaDirectory} and {@link org.communityschools.core.live.DeltaFolderWatcher}.
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link org.communityschools.core.live.LiveDistrict} — the holder of the current
 *       {@link org.communityschools.core.live.DistrictVersion} for concurrent readers and one writer:
 *       {@code LiveDistrict.of(data)}, or {@code LiveDistrict.builder().data(data).journal(dir).build()} with a change
 *       journal (every acknowledged batch forced to disk, replayed on opening; {@code compact()}).
 *       {@code apply(batch)} validates the batch with the rules of the district data directory (the reader's own
 *       cross-record checks) and publishes a new numbered version, or throws
 *       {@link org.communityschools.core.live.BatchRejectedException} with every violation located at the changes
 *       and changes nothing. {@code addListener(VersionListener)}.</li>
 *   <li>{@link org.communityschools.core.live.ChangeBatch}, {@link org.communityschools.core.live.Change}
 *       (upsert or delete), {@link org.communityschools.core.live.RecordKey} (the key columns of each file),
 *       {@link org.communityschools.core.live.ChangeOrigin} (source and position, for located errors).</li>
 *   <li>{@link org.communityschools.core.live.DistrictVersion} — a version's number, data and access-fact versions
 *       (per student, per staff member, for everyone), on which decision caches key.</li>
 *   <li>{@link org.communityschools.core.live.DeltaDirectory} — a delta directory (the directory's files with an
 *       {@code op} column) read as one batch.</li>
 *   <li>{@link org.communityschools.core.live.DeltaFolderWatcher} — a watched folder: each subdirectory holding a
 *       {@code READY} marker is read as a delta directory and applied, in name order, then moved to {@code applied/};
 *       a rejected one is moved to {@code rejected/} with its located errors in {@code NAME.errors.txt}.</li>
 * </ul>
 *
 * <p>Ed-Fi ODS/API change queries are read as batches by {@code sdk-interop} ({@code EdFiChangeQueries}).
 */
@NullMarked
package org.communityschools.core.live;

import org.jspecify.annotations.NullMarked;
