package org.isoband.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real SQLite file. */
class SqliteRepStoreTest extends RepStoreContract {
    @TempDir
    Path dir;
    private int n;

    @Override
    String freshDatabase() {
        return dir.resolve("sub" + (++n)).resolve("dashboard.db").toString();
    }

    @Test
    void a_file_path_becomes_a_sqlite_file_with_its_folders_and_the_flyway_history() throws Exception {
        Path file = dir.resolve("a/b/dash.db");
        try (Database db = Database.open(file.toString())) {
            assertThat(db.isSqlite()).isTrue();
            assertThat(Files.isRegularFile(file)).isTrue();
            int migrations = db.call("count migrations", c -> {
                try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertThat(migrations).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void a_jdbc_url_is_used_as_it_is_and_a_password_never_shown() {
        assertThat(Database.jdbcUrl("jdbc:postgresql://db/isoband?user=u&password=secret")).isEqualTo("jdbc:postgresql://db/isoband?user=u&password=secret");
        assertThat(Database.redacted("jdbc:postgresql://db/isoband?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/isoband?user=u&password=***&ssl=true");
        assertThat(Database.jdbcUrl(dir.resolve("x.db").toString())).isEqualTo("jdbc:sqlite:" + dir.resolve("x.db"));
    }

    @Test
    void a_database_that_cannot_be_opened_says_where_and_why() throws Exception {
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "x");
        assertThatThrownBy(() -> Database.open(notAFolder.resolve("dash.db").toString()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(notAFolder.toString());
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/none?user=x&password=hunter2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("migrate the schema")
                .hasMessageNotContaining("hunter2");
    }
}
