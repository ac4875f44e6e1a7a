/**
 * Implementation of the Ed-Fi and OneRoster interoperability: the record readers (StAX for XML, Jackson streaming for
 * JSON and CSV), the one Ed-Fi importer both Ed-Fi formats feed, the JSON exporter and the OneRoster importer. Not
 * exported.
 */
@NullMarked
package org.communityschools.interop.internal;

import org.jspecify.annotations.NullMarked;
