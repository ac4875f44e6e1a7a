package org.communityschools.privacy.internal.disclosure;

import java.time.Clock;
import org.communityschools.privacy.disclosure.CheckpointKey;
import org.communityschools.privacy.disclosure.CheckpointStore;

/**
 * How a file sink writes signed checkpoints.
 *
 * @param store   where
 * @param key     signed with
 * @param every   after how many entries since the last checkpoint, 0 for never
 * @param onClose whether to sign a closing checkpoint on close
 * @param clock   the time written in each checkpoint
 */
public record CheckpointSettings(CheckpointStore store, CheckpointKey key, long every, boolean onClose, Clock clock) {}
