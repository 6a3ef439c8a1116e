// Self-test of validate.mjs: the real docker/ passes; copies with one mistake each fail with the
// expected message. Run by docker/validate.sh (node --test).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const dockerDir = path.resolve(here, "..");
const repoRoot = path.resolve(dockerDir, "..");

function run(dir) {
  const r = spawnSync(process.execPath, [path.join(here, "validate.mjs"), dir], { encoding: "utf8" });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** A copy of docker/ (with pom.xml and the build context's top-level entries) with one edit. */
function brokenCopy(file, edit) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "validate-"));
  fs.cpSync(dockerDir, path.join(root, "docker"), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}node_modules`),
  });
  fs.copyFileSync(path.join(repoRoot, "pom.xml"), path.join(root, "pom.xml"));
  for (const dir of ["bpmn", "job-workers", "app"]) fs.mkdirSync(path.join(root, dir));
  // the app's defaults, against which the API keys of docker/.env are checked
  const appYaml = path.join("app", "src", "main", "resources", "application.yaml");
  fs.mkdirSync(path.dirname(path.join(root, appYaml)), { recursive: true });
  fs.copyFileSync(path.join(repoRoot, appYaml), path.join(root, appYaml));
  const target = file === "pom.xml" ? path.join(root, "pom.xml") : path.join(root, "docker", file);
  const before = fs.readFileSync(target, "utf8");
  const after = edit(before);
  assert.notEqual(after, before, `the edit of ${file} changed nothing`);
  fs.writeFileSync(target, after);
  return path.join(root, "docker");
}

test("docker/ as committed passes", () => {
  const { code, out } = run(dockerDir);
  assert.equal(code, 0, out);
  assert.match(out, /0 failed/);
});

const cases = [
  ["a depends_on naming no service", "docker-compose.yml",
    (s) => s.replace("      postgres:\n        condition: service_healthy", "      database:\n        condition: service_healthy"),
    /depends_on names "database", which is not a service/],
  ["an unpinned image", "docker-compose.yml", (s) => s.replace("postgres:${POSTGRES_VERSION}", "postgres:latest"),
    /image "postgres:latest" is not pinned/],
  ["a key the Compose Specification does not know", "docker-compose.yml",
    (s) => s.replace("    image: rabbitmq:", "    imag: rabbitmq:"), /schema: \/services\/rabbitmq must NOT have additional properties/],
  ["a service without a health check", "docker-compose.yml",
    (s) => s.replace(/  rabbitmq:[\s\S]*?    healthcheck:[\s\S]*?start_period: 20s\n/, (m) => m.replace(/    healthcheck:[\s\S]*start_period: 20s\n/, "")),
    /service rabbitmq: has no health check/],
  ["a service without a memory limit", "docker-compose.cluster.yml",
    (s) => s.replace(/(  orchestration-2:[\s\S]*?)    deploy:\n      resources:\n        limits:\n          memory: 1536m\n/, "$1"),
    /service orchestration-2: has no memory limit/],
  ["a port published on every interface", "docker-compose.yml",
    (s) => s.replace('"${BIND_ADDRESS}:${POSTGRES_PORT}:5432"', '"0.0.0.0:5432:5432"'), /is not published on BIND_ADDRESS/],
  ["two services on one host port", ".env", (s) => s.replace("POSTGRES_PORT=5432", "POSTGRES_PORT=8080"),
    /host port 8080 also published by/],
  ["a cluster version other than the client's", ".env", (s) => s.replace(/CAMUNDA_VERSION=.*/, "CAMUNDA_VERSION=8.7.0"),
    /CAMUNDA_VERSION=8.7.0 differs from camunda.version/],
  ["an app that does not wait for RabbitMQ", "docker-compose.yml",
    (s) => s.replace("      rabbitmq:\n        condition: service_healthy\n", ""),
    /service app: must depend on orchestration, postgres and rabbitmq/],
  ["an app on the log event transport", "docker-compose.yml",
    (s) => s.replace("FULFILLMENT_EVENTS_TRANSPORT: rabbitmq", "FULFILLMENT_EVENTS_TRANSPORT: log"),
    /service app: must use the rabbitmq event transport/],
  ["RabbitMQ credentials other than the broker's", "docker-compose.yml",
    (s) => s.replace("FULFILLMENT_RABBITMQ_PASSWORD: ${RABBITMQ_PASSWORD}", "FULFILLMENT_RABBITMQ_PASSWORD: guest"),
    /FULFILLMENT_RABBITMQ_USER\/_PASSWORD must be the credentials of service rabbitmq/],
  ["an API key with a fallback instead of required", "docker-compose.yml",
    (s) => s.replace(/\$\{FULFILLMENT_SECURITY_API_KEY:\?[^}]*\}/, "${FULFILLMENT_SECURITY_API_KEY:-local-dev-key}"),
    /FULFILLMENT_SECURITY_API_KEY must be a required variable/],
  ["an API key missing from .env", ".env", (s) => s.replace(/^FULFILLMENT_SECURITY_READ_ONLY_API_KEY=.*$/m, "FULFILLMENT_SECURITY_READ_ONLY_API_KEY="),
    /required variable FULFILLMENT_SECURITY_READ_ONLY_API_KEY is not set/],
  ["the app's built-in API key in .env", ".env", (s) => s.replace(/^FULFILLMENT_SECURITY_API_KEY=.*$/m, "FULFILLMENT_SECURITY_API_KEY=local-dev-key"),
    /FULFILLMENT_SECURITY_API_KEY is the app's built-in key "local-dev-key"/],
  ["an image running as root", "Dockerfile", (s) => s.replace("USER app\n", ""), /final stage runs as root \(DL3002/],
  ["an unpinned base image", "Dockerfile", (s) => s.replace("FROM eclipse-temurin:21.0.8_9-jre\n", "FROM eclipse-temurin\n"),
    /FROM eclipse-temurin is not pinned/],
  ["a Dockerfile syntax error", "Dockerfile", (s) => s.replace("EXPOSE 8080", "EXPOSE eighty"), /Dockerfile: line \d+: error/],
];

for (const [name, file, edit, expected] of cases) {
  test(`fails on ${name}`, () => {
    const { code, out } = run(brokenCopy(file, edit));
    assert.equal(code, 1, out);
    assert.match(out, expected);
  });
}
