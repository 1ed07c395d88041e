package org.zugong.cadre;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** 奖惩: a reward, or a measure with its period of effect. */
public record CadreRecordForm(String kind, String title, String authority,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectStart,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectEnd, String note) {
}
