package org.zugong.cadre;

import java.util.Collection;
import java.util.Map;

/**
 * Small marks shown next to a cadre's name, contributed by modules that depend on the cadre module
 * (the warning module: the most serious open warning colour). The cadre module only knows this
 * interface, so it never depends on its contributors.
 */
public interface CadreBadges {

    /** The most serious open warning colour per person ({@code RED}, {@code ORANGE}, {@code YELLOW}, {@code BLUE}); persons without one are absent. */
    Map<Long, String> colours(Collection<Long> personIds);
}
