package io.cherrypick.flow.order;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
class SalesOrderRepositories {
    /** Pick revisions Peoplevox acknowledged (Camel JDBC idempotent repository; table CAMEL_MESSAGEPROCESSED from Flyway). */
    @Bean
    JdbcMessageIdRepository salesOrderSentRevisions(DataSource dataSource, TransactionTemplate tx) {
        JdbcMessageIdRepository repo = new JdbcMessageIdRepository(dataSource, tx, SalesOrderFlow.SEND_ROUTE);
        repo.setCreateTableIfNotExists(false);
        return repo;
    }
}
