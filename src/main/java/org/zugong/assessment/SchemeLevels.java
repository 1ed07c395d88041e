package org.zugong.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The stored text of a LEVELS indicator, "优秀=100;良好=85;一般=70;较差=50", read and written. */
final class SchemeLevels {

    private SchemeLevels() {
    }

    /** Parsed levels, or an exception with the Chinese reason. Accepts full-width ；＝ and line breaks too. */
    static List<Level> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请填写等级，如“优秀=100;良好=85;一般=70;较差=50”");
        }
        List<Level> levels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String part : text.split("[;；\\n\\r]+")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split("[=＝]", -1);
            if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                throw new IllegalArgumentException("等级“" + part.strip() + "”应写成“名称=分值”");
            }
            String name = pair[0].strip();
            BigDecimal score;
            try {
                score = new BigDecimal(pair[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("等级“" + name + "”的分值“" + pair[1].strip() + "”不是数字");
            }
            if (score.scale() > 2 || score.abs().compareTo(new BigDecimal("10000")) >= 0) {
                throw new IllegalArgumentException("等级“" + name + "”的分值应小于10000，最多两位小数");
            }
            if (name.length() > 20) {
                throw new IllegalArgumentException("等级名称“" + name + "”不能超过20个字");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("等级名称“" + name + "”重复");
            }
            levels.add(new Level(name, score));
        }
        if (levels.size() < 2) {
            throw new IllegalArgumentException("至少需要两个名称不同的等级");
        }
        return levels;
    }

    static String format(List<Level> levels) {
        return levels.stream().map(l -> l.name() + "=" + l.score().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(";"));
    }
}
