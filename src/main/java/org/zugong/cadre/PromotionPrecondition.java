package org.zugong.cadre;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A condition other modules set on promoting a cadre (e.g. 凡提必核 in the supervision module). Every
 * bean of this type is asked before a promotion proposal is stored; any refusal — a Chinese message
 * naming the rule and the facts — refuses the proposal and nothing is stored. The cadre module knows
 * only this interface, so the modules that implement it depend on cadre, never the other way round.
 */
public interface PromotionPrecondition {

    /** Why this person may not be proposed for promotion on {@code on}, or empty when the condition holds. */
    Optional<String> refusal(long personId, LocalDate on);
}
