package org.zugong.platform.db;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Results of expensive reads kept on this node for as long as the data they were computed from is unchanged.
 * Each topic has a version in the table {@code data_version}, raised by triggers in the same transaction as every
 * statement that changes a row of the topic's tables (V37). A lookup reads the current version first and serves
 * the kept result only if it was computed under that very version; otherwise it computes the result afresh and
 * keeps it. Because the new version becomes visible together with the change, a result served is never older
 * than what the reader's own query would have seen, on any node (issue 8: two nodes, caches stay correct).
 * Kept values must be immutable.
 */
@Component
public class DataVersionCache {

    private record Key(String topic, Object key) {
    }

    private record Versioned(long version, Object value) {
    }

    private final JdbcClient jdbc;
    private final Cache<Key, Versioned> kept = Caffeine.newBuilder()
            .maximumSize(5_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    DataVersionCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The value for the key under the topic's current version: the kept one, or {@code compute}'s (kept for the
     * next caller). {@code key} must name everything the value depends on besides the topic's tables: the
     * caller's jurisdiction, the day, the filters.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String topic, Object key, Supplier<T> compute) {
        long version = version(topic);
        Key k = new Key(topic, key);
        Versioned found = kept.getIfPresent(k);
        if (found != null && found.version() == version) {
            return (T) found.value();
        }
        T value = compute.get();
        // Read before computing, so the value is at least as new as this version; never replace a newer one.
        kept.asMap().merge(k, new Versioned(version, value), (old, computed) -> old.version() > computed.version() ? old : computed);
        return value;
    }

    long version(String topic) {
        return jdbc.sql("SELECT version FROM data_version WHERE topic = :topic").param("topic", topic).query(Long.class)
                .optional().orElseThrow(() -> new IllegalArgumentException("no data_version row for topic " + topic));
    }
}
