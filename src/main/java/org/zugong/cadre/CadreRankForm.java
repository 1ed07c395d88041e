package org.zugong.cadre;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** 职级变动: the new rank and the day it takes effect. */
public record CadreRankForm(String rank, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate, String note) {
}
