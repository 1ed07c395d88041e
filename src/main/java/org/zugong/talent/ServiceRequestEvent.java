package org.zugong.talent;

import java.time.Instant;

/** One entry of a request's timeline; {@code visible} entries are shown to the talent too. */
public record ServiceRequestEvent(long id, String kind, String kindLabel, boolean visible, String text, String actorName, Instant at) {
}
