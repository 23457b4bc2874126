package org.isoband.dashboard.store;

import java.sql.Statement;
import org.isoband.dashboard.testing.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store on a real PostgreSQL server, started for this class from the Debian package's binaries; skipped with
 * a message when PostgreSQL is not installed, except under CI=true, where it must run.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.isoband.dashboard.testing.ProgramsRequired.class)
class PostgresRepStoreIT extends RepStoreContract {
    private static Postgres server;
    private static int databases;

    @BeforeAll
    static void startServer() throws Exception {
        server = Postgres.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** A fresh database in the cluster for each test, so that the contract's tests start empty. */
    @Override
    String freshDatabase() throws Exception {
        String name = "t" + (++databases);
        try (Database admin = Database.open(server.jdbcUrl())) {
            admin.call("create database " + name, c -> {
                c.setAutoCommit(true);   // CREATE DATABASE cannot run inside a transaction
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                } finally {
                    c.setAutoCommit(false);
                }
                return null;
            });
        }
        return server.jdbcUrl().replace("/postgres?", "/" + name + "?");
    }
}
