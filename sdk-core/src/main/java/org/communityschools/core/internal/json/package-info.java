/**
 * Implementation of JSON for the domain (not exported): value {@link org.communityschools.core.internal.json.Codec
 * codecs}, one {@link org.communityschools.core.internal.json.RecordCodec} per record in
 * {@link org.communityschools.core.internal.json.DomainCodecs} (the one mapping of the domain to JSON), and the reader
 * and writer of {@code agreements.json}, {@link org.communityschools.core.internal.json.AgreementsFile}.
 */
@NullMarked
package org.communityschools.core.internal.json;

import org.jspecify.annotations.NullMarked;
