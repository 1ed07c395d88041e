package org.zugong.assessment;

import java.math.BigDecimal;

/** One named level of a LEVELS indicator with the score it stands for, e.g. 优秀 = 100. */
public record Level(String name, BigDecimal score) {
}
