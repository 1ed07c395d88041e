package org.zugong.cadre;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * F25: a 「三将干部」 record as entered. {@code outcome} defaults to 拟认定; {@code version} is needed
 * to update.
 */
public record FrontlineForm(String task, String taskKind,
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                            String performance, String evidence, Long recommendingOrgId, String outcome,
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recognizedOn, String document,
                            Integer version) {
}
