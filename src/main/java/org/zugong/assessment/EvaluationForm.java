package org.zugong.assessment;

import java.math.BigDecimal;
import java.util.Map;

/** 领导评价: indicator scores by indicator id when the person's scheme has indicators, else a total score. */
public record EvaluationForm(Map<String, BigDecimal> scores, BigDecimal score, String note, Integer version) {
}
