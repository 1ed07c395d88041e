package org.zugong;

import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Removing persons a test created, with what other modules raised about them after commit (warnings). */
public final class TestPersons {

    private TestPersons() {
    }

    /**
     * Deletes the warnings, cadre files and person rows of these persons, trying again for a few seconds
     * while an asynchronous evaluation (after commit) may still be writing about them.
     */
    public static void delete(JdbcClient jdbc, List<Long> persons, String... moreTables) {
        if (persons.isEmpty()) {
            return;
        }
        long until = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                jdbc.sql("DELETE FROM warning_event WHERE warning_id IN (SELECT id FROM warning WHERE person_id IN (:ids))").param("ids", persons).update();
                jdbc.sql("DELETE FROM warning_action WHERE warning_id IN (SELECT id FROM warning WHERE person_id IN (:ids))").param("ids", persons).update();
                jdbc.sql("DELETE FROM warning WHERE person_id IN (:ids)").param("ids", persons).update();
                for (String table : moreTables) {
                    jdbc.sql("DELETE FROM " + table + " WHERE person_id IN (:ids)").param("ids", persons).update();
                }
                jdbc.sql("DELETE FROM cadre_profile WHERE person_id IN (:ids)").param("ids", persons).update();
                jdbc.sql("DELETE FROM person_person WHERE id IN (:ids)").param("ids", persons).update();
                return;
            } catch (DataIntegrityViolationException | org.springframework.dao.PessimisticLockingFailureException e) {
                if (System.currentTimeMillis() > until) {
                    throw (DataAccessException) e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
