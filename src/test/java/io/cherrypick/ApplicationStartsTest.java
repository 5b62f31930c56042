package io.cherrypick;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartsTest {
    @Autowired JdbcTemplate jdbc;

    @Test
    void schemaIsMigrated() {
        assertThat(jdbc.queryForObject("select count(*) from handoff", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from qrtz_locks", Integer.class)).isNotNull();
    }
}
