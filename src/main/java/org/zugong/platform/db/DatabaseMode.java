package org.zugong.platform.db;

/** Where the data lives: a PostgreSQL this application starts itself, or one given by URL. */
public enum DatabaseMode {
    EMBEDDED,
    EXTERNAL
}
