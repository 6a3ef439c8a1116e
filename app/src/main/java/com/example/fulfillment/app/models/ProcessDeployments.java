package com.example.fulfillment.app.models;

import com.example.fulfillment.app.engine.DeploymentRecords;
import com.example.fulfillment.app.engine.EngineEpochs;
import com.example.fulfillment.common.Sha256;
import com.example.fulfillment.common.jdbc.Jdbc;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The process versions this app deployed (table {@code process_deployment}), per engine epoch: its
 * start-up deployment ({@code APP}) and the admin API's ({@code API}). Each is handed on to {@link
 * ProcessVersions} too (in remote mode its only source).
 *
 * <p><b>No downgrade at start-up</b> (remote mode): a bundled process is kept out of the start-up
 * deployment when, in the current epoch, the bundled content (same SHA-256) was deployed and a
 * higher version of the same process was deployed after it. A bundled content this epoch has not
 * seen yet (a new release of the app) is deployed: the app cannot tell it is older. In embedded
 * mode the engine starts empty with every app start, so everything is deployed.
 */
@Component
record ProcessDeployments(
    JdbcClient jdbc, EngineEpochs epochs, ProcessVersions versions, Clock clock)
    implements DeploymentRecords {

  @Override
  public Optional<Kept> newerThanBundled(final String bpmnProcessId, final byte[] content) {
    if (versions.seesInstances()) {
      return Optional.empty(); // embedded: the engine has just started empty
    }
    final String epoch = epochs.current();
    final Optional<Integer> bundled =
        jdbc.sql(
                """
                SELECT MAX(version) FROM process_deployment
                WHERE engine_epoch = :epoch AND bpmn_process_id = :id AND content_sha256 = :sha
                """)
            .param("epoch", epoch)
            .param("id", bpmnProcessId)
            .param("sha", Sha256.hex(content))
            .query(Integer.class)
            .optional();
    if (bundled.isEmpty()) {
      return Optional.empty();
    }
    return latest(epoch, bpmnProcessId)
        .filter(latest -> latest.version() > bundled.get())
        .map(latest -> new Kept(latest.version(), latest.versionTag(), latest.deployedAt()));
  }

  @Override
  public void deployed(
      final DeploymentEvent event, final Map<String, byte[]> resources, final Source source) {
    record(event, resources, source);
  }

  /**
   * Records the deployment's processes (a version already recorded keeps its row: Zeebe answers
   * identical content with the version it has) and hands them to {@link ProcessVersions}.
   *
   * @return the processes, with their version tags read from the files
   */
  List<ProcessVersions.Definition> record(
      final DeploymentEvent event, final Map<String, byte[]> resources, final Source source) {
    final String epoch = epochs.current();
    final Instant now = clock.instant();
    final List<ProcessVersions.Definition> definitions = new ArrayList<>();
    for (Process p : event.getProcesses()) {
      final byte[] content = resources.get(p.getResourceName());
      final String tag = ModelFiles.versionTag(content, p.getBpmnProcessId()).orElse(null);
      jdbc.sql(
              """
              INSERT INTO process_deployment (engine_epoch, process_definition_key,
                bpmn_process_id, version, version_tag, resource_name, content_sha256, source,
                deployment_key, deployed_at)
              VALUES (:epoch, :key, :id, :version, :tag, :resource, :sha, :source, :deployment,
                :at)
              ON CONFLICT DO NOTHING
              """)
          .param("epoch", epoch)
          .param("key", p.getProcessDefinitionKey())
          .param("id", p.getBpmnProcessId())
          .param("version", p.getVersion())
          .param("tag", tag)
          .param("resource", p.getResourceName())
          .param("sha", Sha256.hex(content == null ? new byte[0] : content))
          .param("source", source.name())
          .param("deployment", event.getKey())
          .param("at", Jdbc.ts(now))
          .update();
      definitions.add(
          new ProcessVersions.Definition(
              p.getProcessDefinitionKey(),
              p.getBpmnProcessId(),
              p.getVersion(),
              tag,
              p.getResourceName(),
              event.getKey(),
              now,
              content));
    }
    versions.deployed(definitions);
    return definitions;
  }

  /**
   * Every version recorded in the current epoch, by process id, then version (without the XML,
   * which is not kept).
   */
  List<ProcessVersions.Definition> inCurrentEpoch() {
    return jdbc.sql(
            """
            SELECT * FROM process_deployment WHERE engine_epoch = :epoch
            ORDER BY bpmn_process_id, version
            """)
        .param("epoch", epochs.current())
        .query(ProcessDeployments::recorded)
        .list();
  }

  private Optional<ProcessVersions.Definition> latest(
      final String epoch, final String bpmnProcessId) {
    return jdbc.sql(
            """
            SELECT * FROM process_deployment WHERE engine_epoch = :epoch AND bpmn_process_id = :id
            ORDER BY version DESC LIMIT 1
            """)
        .param("epoch", epoch)
        .param("id", bpmnProcessId)
        .query(ProcessDeployments::recorded)
        .optional();
  }

  private static ProcessVersions.Definition recorded(final ResultSet rs, final int row)
      throws SQLException {
    return new ProcessVersions.Definition(
        rs.getLong("process_definition_key"),
        rs.getString("bpmn_process_id"),
        rs.getInt("version"),
        rs.getString("version_tag"),
        rs.getString("resource_name"),
        rs.getLong("deployment_key"),
        Jdbc.instant(rs, "deployed_at"),
        null);
  }
}
