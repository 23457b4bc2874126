/**
 * The dashboard's history in a JDBC database: a SQLite file by default, PostgreSQL or any JDBC database by URL.
 * {@link org.isoband.dashboard.store.Database} opens it and applies the versioned Flyway migrations in
 * {@code src/main/resources/db/migration}; {@link org.isoband.dashboard.store.RepStore} keeps rep events (keyed by
 * their id, so a duplicate is a no-op), their force curves when seen, and session summaries;
 * {@link org.isoband.dashboard.store.History} turns a range of reps into the weekly progress figures.
 */
package org.isoband.dashboard.store;
