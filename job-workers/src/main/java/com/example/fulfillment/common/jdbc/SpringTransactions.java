package com.example.fulfillment.common.jdbc;

import com.example.fulfillment.common.Transactions;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Transactions} on Spring's transaction manager: REQUIRED, so nested calls join. */
public class SpringTransactions implements Transactions {

  private final TransactionTemplate template;

  public SpringTransactions(final PlatformTransactionManager transactionManager) {
    this.template = new TransactionTemplate(transactionManager);
    this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
  }

  @Override
  public <T> T inTransaction(final Supplier<T> work) {
    return template.execute(status -> work.get());
  }
}
