package org.zugong.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into a table with COPY … FROM STDIN (text format), one COPY statement per batch of
 * rows and a flush to the server every 512 KB, so that memory stays flat whatever the row count.
 */
final class CopyLoader {

    private static final int FLUSH_CHARS = 512 * 1024;

    private final CopyManager copy;

    CopyLoader(Connection connection) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    <T> long load(String copySql, Iterator<T> rows, BiConsumer<T, CopyText> encoder, int rowsPerBatch,
                  LongConsumer afterBatch) throws SQLException {
        CopyText text = new CopyText();
        long total = 0;
        while (rows.hasNext()) {
            CopyIn in = copy.copyIn(copySql);
            try {
                int n = 0;
                while (n < rowsPerBatch && rows.hasNext()) {
                    encoder.accept(rows.next(), text);
                    n++;
                    if (text.length() >= FLUSH_CHARS) {
                        write(in, text);
                    }
                }
                write(in, text);
                in.endCopy();
                total += n;
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            afterBatch.accept(total);
        }
        return total;
    }

    private static void write(CopyIn in, CopyText text) throws SQLException {
        if (text.length() > 0) {
            byte[] bytes = text.drain();
            in.writeToCopy(bytes, 0, bytes.length);
        }
    }
}
