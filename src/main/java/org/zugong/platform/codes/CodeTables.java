package org.zugong.platform.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The national code tables (F5), read from the CSV files under {@code classpath:codes/}: GB/T 2261.1
 * sex, GB/T 3304 ethnicity, GB/T 4658 education, GB/T 4762 political status, GB/T 2260 regions.
 * Records store the code; pages show the name.
 */
@Component
public class CodeTables {

    public static final String SEX = "sex";
    public static final String ETHNICITY = "ethnicity";
    public static final String EDUCATION = "education";
    public static final String POLITICAL_STATUS = "political_status";
    public static final String REGION = "region";

    private final Map<String, CodeTable> tables = new LinkedHashMap<>();

    CodeTables() {
        load(SEX, "性别（GB/T 2261.1）");
        load(ETHNICITY, "民族（GB/T 3304）");
        load(EDUCATION, "学历（GB/T 4658）");
        load(POLITICAL_STATUS, "政治面貌（GB/T 4762）");
        load(REGION, "行政区划（GB/T 2260）");
    }

    public CodeTable sex() {
        return tables.get(SEX);
    }

    public CodeTable ethnicity() {
        return tables.get(ETHNICITY);
    }

    public CodeTable education() {
        return tables.get(EDUCATION);
    }

    public CodeTable politicalStatus() {
        return tables.get(POLITICAL_STATUS);
    }

    public CodeTable region() {
        return tables.get(REGION);
    }

    public CodeTable table(String id) {
        CodeTable t = tables.get(id);
        if (t == null) {
            throw new IllegalArgumentException("Unknown code table " + id);
        }
        return t;
    }

    public List<CodeTable> all() {
        return List.copyOf(tables.values());
    }

    private void load(String id, String title) {
        ClassPathResource resource = new ClassPathResource("codes/" + id + ".csv");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalStateException("Empty code table " + id);
            }
            String[] columns = header.replace("\uFEFF", "").split(",", -1);
            List<CodeTable.Entry> entries = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> attributes = new LinkedHashMap<>();
                for (int i = 2; i < columns.length && i < cells.length; i++) {
                    attributes.put(columns[i].trim(), cells[i].trim());
                }
                entries.add(new CodeTable.Entry(cells[0].trim(), cells[1].trim(), attributes));
            }
            tables.put(id, new CodeTable(id, title, entries));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read code table " + id, e);
        }
    }
}
