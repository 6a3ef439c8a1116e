package com.example.fulfillment.support;

import com.example.fulfillment.common.Transactions;
import com.example.fulfillment.common.jdbc.SpringTransactions;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A migrated database for a test: in-memory H2 (always), or a fresh schema in the local PostgreSQL
 * (127.0.0.1:5432, database {@code test}, user postgres or root, trust auth) when one is reachable.
 * {@link #close} drops what it made.
 */
public record TestDatabase(
    String name,
    HikariDataSource dataSource,
    JdbcClient jdbc,
    PlatformTransactionManager transactionManager,
    Transactions tx,
    Runnable cleanup)
    implements AutoCloseable {

  private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  /** The database behind {@code dataSource}, with its JDBC client and transactions. */
  private static TestDatabase of(
      final String name, final HikariDataSource dataSource, final Runnable cleanup) {
    final PlatformTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    return new TestDatabase(
        name,
        dataSource,
        JdbcClient.create(dataSource),
        transactions,
        new SpringTransactions(transactions),
        cleanup);
  }

  /** A fresh in-memory H2 database (PostgreSQL mode, as the app runs it), migrated. */
  public static TestDatabase h2() {
    final String db = "test_" + UUID.randomUUID().toString().replace("-", "");
    final HikariDataSource ds =
        pool(
            "jdbc:h2:mem:"
                + db
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "sa");
    migrate(ds, null);
    return of(
        "H2",
        ds,
        () -> {
          JdbcClient.create(ds).sql("SHUTDOWN").update();
          ds.close();
        });
  }

  /** The PostgreSQL user this machine lets in, if PostgreSQL is reachable at all. */
  public static Optional<String> postgresUser() {
    for (String user : new String[] {"postgres", "root"}) {
      try (Connection c = DriverManager.getConnection(PG_URL + "?connectTimeout=2", user, "")) {
        if (c.isValid(2)) {
          return Optional.of(user);
        }
      } catch (SQLException unreachable) {
        // try the next user
      }
    }
    return Optional.empty();
  }

  /**
   * A fresh schema on the local PostgreSQL, or the test is skipped (with that reason) when none
   * answers at 127.0.0.1:5432 (database test, user postgres or root, trust).
   */
  public static TestDatabase postgresOrSkip(final String what) {
    final Optional<String> user = postgresUser();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        user.isPresent(),
        "PostgreSQL not reachable at 127.0.0.1:5432 (database test, user postgres or root, trust"
            + " auth): "
            + what
            + " skipped");
    return postgres(user.get());
  }

  /** A fresh schema in the local PostgreSQL, migrated; dropped again on {@link #close}. */
  public static TestDatabase postgres(final String user) {
    final String schema =
        "test_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toLowerCase(Locale.ROOT);
    final HikariDataSource ds = pool(PG_URL + "?currentSchema=" + schema, user);
    migrate(ds, schema);
    return of(
        "PostgreSQL",
        ds,
        () -> {
          JdbcClient.create(ds).sql("DROP SCHEMA " + schema + " CASCADE").update();
          ds.close();
        });
  }

  private static HikariDataSource pool(final String url, final String user) {
    final HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword("");
    config.setMaximumPoolSize(16);
    config.setMinimumIdle(0);
    return new HikariDataSource(config);
  }

  private static void migrate(final DataSource ds, final String schema) {
    final var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    if (schema != null) {
      flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
    flyway.load().migrate();
  }

  @Override
  public void close() {
    cleanup.run();
  }

  @Override
  public String toString() {
    return name;
  }
}
