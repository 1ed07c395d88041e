package org.zugong.cadre;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** 任职: a post to record (title in a unit, level, 任职方式, start, optional 试用期 end). */
public record CadrePostForm(Long orgId, String title, String postLevel, String method,
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate probationEnd, String note) {
}
