-- The process versions this app deployed (its start-up deployment, source APP, and the admin API's,
-- source API). In remote mode the app cannot see the engine's deployments: this is how a restart
-- knows that the engine runs a newer version of a bundled process than the bundled file, and keeps
-- it (no downgrade). Keys and versions start over when the engine loses its state, so every row
-- belongs to an engine epoch, and a key names one version only within its epoch.
CREATE TABLE process_deployment (
  engine_epoch            VARCHAR(36)  NOT NULL,
  process_definition_key  BIGINT       NOT NULL,
  bpmn_process_id         VARCHAR(255) NOT NULL,
  version                 INTEGER      NOT NULL,
  version_tag             VARCHAR(255),
  resource_name           VARCHAR(255) NOT NULL,
  content_sha256          CHAR(64)     NOT NULL,
  source                  VARCHAR(3)   NOT NULL CHECK (source IN ('APP', 'API')),
  deployment_key          BIGINT       NOT NULL,
  deployed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (engine_epoch, process_definition_key)
);

CREATE INDEX process_deployment_by_process ON process_deployment (engine_epoch, bpmn_process_id);
