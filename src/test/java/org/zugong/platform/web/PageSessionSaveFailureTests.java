package org.zugong.platform.web;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.zugong.HttpBrowser;
import org.zugong.IntegrationTest;
import org.zugong.platform.db.OwnerDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page whose session cannot be written back (the pool has no connection left, the database is going away)
 * answers 503 with the Chinese notice, not a 500 and not a page cut off in the middle. Spring Session writes the
 * session when the response is committed, which for a page larger than the response buffer happens while the
 * template is still being rendered.
 */
class PageSessionSaveFailureTests extends IntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    @Test
    void aPageWhoseSessionCannotBeSavedAnswers503() throws Exception {
        HttpBrowser browser = new HttpBrowser("http://localhost:" + environment.getProperty("local.server.port"));
        browser.login("city", DEMO_PASSWORD);
        HttpResponse<String> normal = browser.get("/persons");
        assertThat(normal.statusCode()).isEqualTo(200);
        assertThat(normal.body().length()).as("a page larger than the 8 KB response buffer").isGreaterThan(16_384);

        OwnerDatabase.inTransaction(context, owner -> owner.execute("""
                CREATE FUNCTION session_save_drill() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF OLD.session_id = '%s' THEN RAISE EXCEPTION 'database shutting down (drill)' USING ERRCODE = '57P01'; END IF;
                RETURN NEW; END $$;
                CREATE TRIGGER session_save_drill BEFORE UPDATE ON spring_session FOR EACH ROW EXECUTE FUNCTION session_save_drill();"""
                .formatted(browser.sessionId())));
        try {
            HttpResponse<String> failed = browser.get("/persons");
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.body()).contains(DatabaseUnavailable.TITLE).doesNotContain("zg-total");
        } finally {
            OwnerDatabase.inTransaction(context, owner -> owner.execute(
                    "DROP TRIGGER session_save_drill ON spring_session; DROP FUNCTION session_save_drill();"));
        }
    }
}
