package com.example.fulfillment.app.monitor;

import com.example.fulfillment.app.engine.EngineUnavailableException;
import com.example.fulfillment.app.order.OrderProperties;
import com.example.fulfillment.common.jdbc.Jdbc;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Resolves an incident the way an operator does in Operate: give the failed job new retries, then
 * resolve the incident, through the Camunda client. The incident must be one the app knows from the
 * embedded engine's records (remote mode: use Operate).
 */
@Service
public record IncidentRetry(
    CamundaClient client, JdbcTemplate jdbc, MonitorData data, OrderProperties orders) {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentRetry.class);

  /** What was done. */
  public record Retried(long incidentKey, Long jobKey, Integer retries, String orderId) {}

  /** No open incident with this key in the embedded engine's current lifetime. */
  public static class IncidentNotFoundException extends RuntimeException {
    IncidentNotFoundException(final long key, final String why) {
      super("No open incident " + key + ": " + why);
    }
  }

  /**
   * The app cannot retry incidents in this mode (remote: it does not see the engine's incidents).
   */
  public static class RetryNotSupportedException extends RuntimeException {
    RetryNotSupportedException(final String message) {
      super(message);
    }
  }

  /**
   * @param retries the job's retries after the update (at least 1)
   * @throws IncidentNotFoundException if the incident is unknown or resolved already
   * @throws RetryNotSupportedException in remote mode
   * @throws EngineUnavailableException if the engine cannot be reached
   */
  public Retried retry(final long incidentKey, final int retries) {
    final String run =
        data.engineRun()
            .orElseThrow(
                () ->
                    new RetryNotSupportedException(
                        "In remote mode the app does not see the engine's incidents: resolve them in"
                            + " Operate (or with the Camunda API: update the job's retries, then resolve"
                            + " the incident)."));
    record Row(String kind, String orderId, Long jobKey) {}
    final List<Row> rows =
        jdbc.query(
            """
            SELECT kind, order_id, job_key FROM timeline_event
            WHERE source = 'ENGINE' AND engine_run = ? AND incident_key = ?
              AND kind IN ('INCIDENT_CREATED', 'INCIDENT_RESOLVED')
            ORDER BY id
            """,
            (rs, n) ->
                new Row(
                    rs.getString("kind"), rs.getString("order_id"), Jdbc.longValue(rs, "job_key")),
            run,
            incidentKey);
    final Row created =
        rows.stream()
            .filter(r -> r.kind().equals("INCIDENT_CREATED"))
            .findFirst()
            .orElseThrow(
                () -> new IncidentNotFoundException(incidentKey, "the app has not seen it"));
    if (rows.stream().anyMatch(r -> r.kind().equals("INCIDENT_RESOLVED"))) {
      throw new IncidentNotFoundException(incidentKey, "it is resolved already");
    }
    final Duration timeout = orders.engineRequestTimeout();
    try {
      if (created.jobKey() != null) {
        client
            .newUpdateRetriesCommand(created.jobKey())
            .retries(retries)
            .requestTimeout(timeout)
            .send()
            .join(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      }
      client
          .newResolveIncidentCommand(incidentKey)
          .requestTimeout(timeout)
          .send()
          .join(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.NOT_FOUND) {
        throw new IncidentNotFoundException(
            incidentKey, "the engine does not know it (resolved meanwhile?)");
      }
      throw e; // the API's handler: 503 when the engine is unavailable, else 500
    } catch (ClientException e) {
      throw new EngineUnavailableException(e.getMessage(), e);
    }
    LOG.info(
        "Incident {} of order {} resolved (job {} retries {})",
        incidentKey,
        created.orderId(),
        created.jobKey(),
        created.jobKey() == null ? null : retries);
    return new Retried(
        incidentKey,
        created.jobKey(),
        created.jobKey() == null ? null : retries,
        created.orderId());
  }
}
