package org.zugong.platform.upload;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.context.WebApplicationContext;
import org.zugong.IntegrationTest;
import org.zugong.recruitment.HistoricalAuditWorkbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Where uploads touch the disk, nothing of ours is left behind, whether the upload succeeds or fails: the
 * servlet container's multipart files (written for every part: the size threshold is 0), the audit's
 * temporary copy of the workbook it streams, and POI's temporary sheet files of the streamed export. Uploads
 * over the global limit are answered 413 in Chinese by the real server. (LRMX batches kept between preview
 * and confirmation live in the database: see {@code LrmxImportBatchTests}.)
 */
class UploadTempFileTests extends IntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    private int port;

    @Autowired
    private WebApplicationContext context;

    private static List<String> files(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }

    private static Path tmp() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Where Tomcat writes multipart parts when no location is configured: the context's temporary folder. */
    private Path multipartFolder() {
        ServletContext servlet = context.getServletContext();
        return ((File) servlet.getAttribute(ServletContext.TEMPDIR)).toPath();
    }

    /** A multipart POST over real HTTP to the running server. */
    private HttpResponse<String> post(String path, String fileName, byte[] content) throws Exception {
        String boundary = "----zugong" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, bearer("county1"))
                .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void multipartFilesOfTheServletContainerAreDeletedAfterSuccessFailureAndAnOversizedUpload() throws Exception {
        Path folder = multipartFolder();
        List<String> before = files(folder, "upload_");

        HttpResponse<String> ok = post("/api/v1/recruitment/audit", "排查.xlsx", HistoricalAuditWorkbook.template());
        HttpResponse<String> bad = post("/api/v1/recruitment/audit", "renamed.xlsx", UploadSamples.TEXT);
        HttpResponse<String> big = post("/api/v1/recruitment/audit", "big.xlsx", UploadSamples.padded(new byte[]{'P', 'K', 3, 4}, 21L * 1024 * 1024));

        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("内容与扩展名不符");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("上传的文件超过大小限制");
        assertThat(files(folder, "upload_")).isEqualTo(before);
    }

    @Test
    void theAuditsTemporaryCopyIsDeletedAfterSuccessAndAfterFailure() throws Exception {
        List<String> before = files(tmp(), "zugong-audit-");
        byte[] template = HistoricalAuditWorkbook.template();

        mvc.perform(multipart("/api/v1/recruitment/audit").file(new MockMultipartFile("file", "排查.xlsx", XLSX, template))
                .header(HttpHeaders.AUTHORIZATION, bearer("county1"))).andExpect(status().isOk());
        // Refused only after the copy was written: not a workbook, a zip bomb, a DOCTYPE.
        for (byte[] bad : List.of(UploadSamples.TEXT, UploadSamples.xlsxBomb(template, 20), UploadSamples.xlsxWithExternalEntity(template))) {
            mvc.perform(multipart("/api/v1/recruitment/audit").file(new MockMultipartFile("file", "bad.xlsx", XLSX, bad))
                    .header(HttpHeaders.AUTHORIZATION, bearer("county1"))).andExpect(status().isBadRequest());
        }

        assertThat(files(tmp(), "zugong-audit-")).isEqualTo(before);
    }

    @Test
    void theStreamedExportLeavesNoPoiTemporaryFiles() throws Exception {
        List<String> before = files(tmp(), "poi-sxssf");

        mvc.perform(multipart("/recruitment/audit/export").file(new MockMultipartFile("file", "排查.xlsx", XLSX, HistoricalAuditWorkbook.template()))
                .session(session("county1")).with(csrf())).andExpect(status().isOk());

        assertThat(files(tmp(), "poi-sxssf")).isEqualTo(before);
    }
}
