package org.zugong.talent;

/**
 * The filters of the registry list, its export and {@code GET /api/v1/talents}: name (contains), tier,
 * category, introduction mode, year introduced, status. Every value is bound, never spliced.
 */
public record TalentCriteria(String name, String tier, String category, String mode, Integer year, TalentStatus status) {

    static TalentCriteria none() {
        return new TalentCriteria(null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        append(b, "姓名", name);
        append(b, "层次", tier);
        append(b, "类别", category);
        append(b, "引进方式", mode);
        append(b, "引进年份", year);
        append(b, "状态", status == null ? null : status.label());
        return b.isEmpty() ? "全部" : b.toString().trim();
    }

    private static void append(StringBuilder b, String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            b.append(label).append('=').append(value.toString().trim()).append(' ');
        }
    }
}
