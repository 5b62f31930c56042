package io.cherrypick.flow.amend;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.failure.Category;
import io.cherrypick.flow.OutboxFailureHandler.FlowRetryPolicy;
import io.cherrypick.flow.OutboxFlow;
import io.cherrypick.flow.RetryPolicy;
import io.cherrypick.flow.order.SalesOrderFlow;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.OutboxRow;

/** Wiring of the amendment flow: outbox name, retry policy, idempotent repository, what a given-up change means. */
@Configuration
public class AmendmentFlow implements OutboxFlow {
    private final AmendmentProperties props;
    private final OrderLifecycleStore lifecycle;

    public AmendmentFlow(AmendmentProperties props, OrderLifecycleStore lifecycle) {
        this.props = props;
        this.lifecycle = lifecycle;
    }

    @Override
    public String flow() {
        return SalesOrderFlow.CHANGE_FLOW;
    }

    @Override
    public String routeId() {
        return SalesOrderFlow.AMEND_ROUTE;
    }

    @Override
    public void onGivenUp(OutboxRow row, Category category, String message) {
        lifecycle.flagException(row.businessKey(), true);
        lifecycle.note(row.businessKey(), message);
    }

    @Bean
    FlowRetryPolicy amendmentRetryPolicy() {
        return new FlowRetryPolicy(SalesOrderFlow.CHANGE_FLOW, new RetryPolicy(props.maxAttempts(), props.retryBackoff()));
    }

    /** Change revisions applied in Peoplevox (Camel JDBC idempotent repository). */
    @Bean
    JdbcMessageIdRepository amendmentAppliedRevisions(DataSource dataSource, TransactionTemplate tx) {
        JdbcMessageIdRepository repo = new JdbcMessageIdRepository(dataSource, tx, SalesOrderFlow.AMEND_ROUTE);
        repo.setCreateTableIfNotExists(false);
        return repo;
    }
}
