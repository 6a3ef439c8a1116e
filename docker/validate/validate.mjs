// Checks the Docker setup in docker/ without a Docker daemon or the compose plugin:
//  1. each compose file, with ${...} filled in from docker/.env, against the Compose
//     Specification JSON schema (docker/schema/compose-spec.json);
//  2. project rules on the compose model as Compose would merge it (base, base + cluster):
//     services named in depends_on exist, images are pinned, every service has a health check
//     and a memory limit, ports are published on BIND_ADDRESS without clashes, ...;
//  3. the Dockerfile: dockerfile-utils' linter (the one behind VS Code's Dockerfile support; no
//     hadolint package exists on npm or Debian) plus a few hadolint rules written out below.
// Run through docker/validate.sh. Exit code 1 when anything is wrong.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import YAML from "yaml";
import { validate as lintDockerfile } from "dockerfile-utils";

// docker/ (or another copy of it, for validate.test.mjs), inside the repository root.
const dockerDir = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));
const repoRoot = path.resolve(dockerDir, "..");
const BASE = "docker-compose.yml";
const CLUSTER = "docker-compose.cluster.yml";
// Memory limits of one setup must leave a 16 GB laptop usable.
const MEMORY_BUDGET = 8 * 1024 ** 3;

const problems = [];
let checks = 0;
const check = (ok, where, message) => {
  checks++;
  if (!ok) problems.push(`${where}: ${message}`);
  return ok;
};

// --- .env and interpolation ------------------------------------------------------------------

function readEnv(file) {
  const env = {};
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/);
    if (m) env[m[1]] = m[2].trim().replace(/^"(.*)"$/, "$1");
  }
  return env;
}

/** Compose interpolation: $$ → $, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}. */
function interpolate(value, env, where) {
  if (typeof value === "string") {
    return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (all, name, op, arg, bare) => {
        if (all === "$$") return "$";
        const key = name ?? bare;
        const set = Object.hasOwn(env, key);
        const val = set ? env[key] : undefined;
        if (op === ":-") return set && val !== "" ? val : arg;
        if (op === "-") return set ? val : arg;
        if (op === ":?" || op === "?") {
          check(set && (op === "?" || val !== ""), where, `required variable ${key} is not set`);
          return val ?? "";
        }
        check(set, where, `variable ${key} is not set in docker/.env (Compose would use "")`);
        return val ?? "";
      });
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, env, where));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env, where)]));
  }
  return value;
}

function loadCompose(name, env) {
  const text = fs.readFileSync(path.join(dockerDir, name), "utf8");
  const doc = YAML.parse(text, { merge: true, maxAliasCount: -1 });
  return interpolate(doc, env, name);
}

// --- schema ----------------------------------------------------------------------------------

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(fs.readFileSync(path.join(here, "..", "schema", "compose-spec.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
// The schema names its meta-schema with https and no "#"; Ajv ships draft-07 under the http id.
const draft07 = JSON.parse(fs.readFileSync(new URL(import.meta.resolve("ajv/dist/refs/json-schema-draft-07.json")), "utf8"));
ajv.addMetaSchema({ ...draft07, $id: schema.$schema });
const validateSchema = ajv.compile(schema);

function schemaCheck(name, model) {
  const ok = validateSchema(model);
  check(ok, name, "does not match the Compose Specification schema");
  for (const e of validateSchema.errors ?? []) {
    problems.push(`${name}: schema: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  }
}

// --- merge as Compose does (enough for these files) ------------------------------------------

function merge(base, override) {
  if (Array.isArray(base) && Array.isArray(override)) {
    return [...base, ...override.filter((v) => !base.some((b) => JSON.stringify(b) === JSON.stringify(v)))];
  }
  if (isMap(base) && isMap(override)) {
    const out = { ...base };
    for (const [k, v] of Object.entries(override)) out[k] = k in base ? merge(base[k], v) : v;
    return out;
  }
  return override;
}
const isMap = (v) => v && typeof v === "object" && !Array.isArray(v);

// --- project rules ---------------------------------------------------------------------------

function bytes(size) {
  const m = String(size).trim().match(/^(\d+(?:\.\d+)?)\s*([bkmg]?)b?$/i);
  if (!m) return NaN;
  return Number(m[1]) * { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase()];
}

function envOf(service) {
  const e = service.environment ?? {};
  if (Array.isArray(e)) return Object.fromEntries(e.map((s) => [s.split("=")[0], s.split("=").slice(1).join("=")]));
  return e;
}

function dockerfileOf(service) {
  if (!service.build) return null;
  const context = path.resolve(dockerDir, typeof service.build === "string" ? service.build : service.build.context ?? ".");
  return path.resolve(context, service.build.dockerfile ?? "Dockerfile");
}

function projectRules(label, model, env) {
  const services = model.services ?? {};
  const names = Object.keys(services);
  const hostPorts = new Map();
  let memory = 0;
  for (const [name, s] of Object.entries(services)) {
    const where = `${label}: service ${name}`;
    // Images: a pinned tag (a version with at least two numbers, never "latest"), or built here.
    if (s.build) {
      const dockerfile = dockerfileOf(s);
      check(fs.existsSync(dockerfile), where, `build.dockerfile ${dockerfile} does not exist`);
    } else {
      const image = s.image ?? "";
      const tag = image.includes(":") ? image.slice(image.lastIndexOf(":") + 1) : "";
      check(/^\d+\.\d+/.test(tag) && !/latest/.test(tag), where, `image "${image}" is not pinned to a version`);
    }
    // depends_on: the services exist; wait for health where there is a health check.
    const deps = Array.isArray(s.depends_on)
      ? Object.fromEntries(s.depends_on.map((d) => [d, {}]))
      : s.depends_on ?? {};
    for (const [dep, spec] of Object.entries(deps)) {
      if (!check(names.includes(dep), where, `depends_on names "${dep}", which is not a service`)) continue;
      check(spec.condition === "service_healthy", where,
        `depends_on ${dep} should wait for condition: service_healthy (has ${spec.condition ?? "none"})`);
      check(hasHealthcheck(services[dep]), where, `depends_on ${dep} as healthy, but ${dep} has no health check`);
    }
    check(hasHealthcheck(s), where, "has no health check (compose healthcheck or Dockerfile HEALTHCHECK)");
    // Memory limits.
    const limit = s.deploy?.resources?.limits?.memory ?? s.mem_limit;
    if (check(limit !== undefined, where, "has no memory limit (deploy.resources.limits.memory)")) {
      check(!Number.isNaN(bytes(limit)), where, `memory limit "${limit}" is not a size`);
      memory += bytes(limit);
    }
    // Published ports: "<BIND_ADDRESS>:<host>:<container>", host ports unique.
    for (const p of s.ports ?? []) {
      const spec = typeof p === "string" ? p : `${p.host_ip ?? ""}:${p.published}:${p.target}`;
      const m = spec.match(/^(?:([\d.]+|\[[0-9a-f:]+\]):)?(\d+):(\d+)(?:\/(tcp|udp))?$/i);
      if (!check(m, where, `port "${spec}" is not HOST_IP:HOST_PORT:CONTAINER_PORT`)) continue;
      check(m[1] === env.BIND_ADDRESS, where, `port "${spec}" is not published on BIND_ADDRESS (${env.BIND_ADDRESS})`);
      const host = Number(m[2]);
      check(host > 0 && host < 65536 && Number(m[3]) > 0 && Number(m[3]) < 65536, where, `port "${spec}" out of range`);
      check(!hostPorts.has(host), where, `host port ${host} also published by ${hostPorts.get(host)}`);
      hostPorts.set(host, name);
    }
    // Volumes: named ones declared, bind mounts exist.
    for (const v of s.volumes ?? []) {
      const source = typeof v === "string" ? v.split(":")[0] : v.source;
      if (/^[.\/~]/.test(source)) {
        check(fs.existsSync(path.resolve(dockerDir, source)), where, `bind mount source ${source} does not exist`);
      } else {
        check(Object.hasOwn(model.volumes ?? {}, source), where, `volume "${source}" is not declared under volumes:`);
      }
    }
    check(s.restart !== undefined, where, "has no restart policy");
  }
  check(memory <= MEMORY_BUDGET, label,
    `memory limits add up to ${(memory / 1024 ** 3).toFixed(1)} GiB, more than ${MEMORY_BUDGET / 1024 ** 3} GiB`);
  return { memory };
}

function hasHealthcheck(service) {
  if (service.healthcheck && !service.healthcheck.disable) return true;
  const dockerfile = dockerfileOf(service);
  return dockerfile !== null && fs.existsSync(dockerfile) && /^HEALTHCHECK\s+(?!NONE)/m.test(fs.readFileSync(dockerfile, "utf8"));
}

function appRules(label, model) {
  const app = model.services?.app;
  if (!check(app, label, "has no service app")) return;
  const env = envOf(app);
  const where = `${label}: service app`;
  const profiles = String(env.SPRING_PROFILES_ACTIVE ?? "").split(",").map((p) => p.trim());
  check(profiles.includes("remote") && profiles.includes("postgres"), where,
    `SPRING_PROFILES_ACTIVE must include remote and postgres (is "${env.SPRING_PROFILES_ACTIVE}")`);
  check(env.SERVER_ADDRESS === "0.0.0.0", where, "SERVER_ADDRESS must be 0.0.0.0 inside the container");
  for (const key of ["CAMUNDA_CLIENT_GRPCADDRESS", "CAMUNDA_CLIENT_RESTADDRESS"]) {
    const host = String(env[key] ?? "").match(/^https?:\/\/([^:/]+)/)?.[1];
    check(host && model.services[host], where, `${key} (${env[key]}) must name a service of this setup`);
  }
  // Events on the rabbitmq service, with its credentials.
  check(env.FULFILLMENT_EVENTS_TRANSPORT === "rabbitmq" || profiles.includes("rabbitmq"), where,
    "must use the rabbitmq event transport (FULFILLMENT_EVENTS_TRANSPORT=rabbitmq or profile rabbitmq)");
  const rabbit = model.services?.[env.FULFILLMENT_RABBITMQ_HOST];
  if (check(rabbit, where, `FULFILLMENT_RABBITMQ_HOST (${env.FULFILLMENT_RABBITMQ_HOST}) must name a service of this setup`)) {
    const broker = envOf(rabbit);
    check(env.FULFILLMENT_RABBITMQ_USER === broker.RABBITMQ_DEFAULT_USER
      && env.FULFILLMENT_RABBITMQ_PASSWORD === broker.RABBITMQ_DEFAULT_PASS, where,
    `FULFILLMENT_RABBITMQ_USER/_PASSWORD must be the credentials of service ${env.FULFILLMENT_RABBITMQ_HOST}`);
  }
  const deps = Object.keys(app.depends_on ?? {});
  check(["orchestration", "postgres", "rabbitmq"].every((d) => deps.includes(d)), where,
    "must depend on orchestration, postgres and rabbitmq");
  const orchestration = model.services?.orchestration;
  if (check(orchestration, label, "has no service orchestration")) {
    check((orchestration.volumes ?? []).some((v) => String(v).endsWith(":/usr/local/camunda/data")), `${label}: service orchestration`,
      "must keep its state in a volume at /usr/local/camunda/data (the 8.8 image's data directory)");
  }
}

// The app's API keys: required variables in the compose file (nothing Compose could fall back
// to), set in docker/.env and never one of the app's built-in keys (application.yaml), which the
// app refuses when it listens beyond loopback, as it does in its container.
const API_KEYS = {
  FULFILLMENT_SECURITY_API_KEY: "fulfillment.security.api-key",
  FULFILLMENT_SECURITY_READ_ONLY_API_KEY: "fulfillment.security.read-only-api-key",
};

function apiKeyRules(env) {
  const where = `${BASE}: service app`;
  const raw = YAML.parse(fs.readFileSync(path.join(dockerDir, BASE), "utf8"), { merge: true, maxAliasCount: -1 });
  const appEnv = envOf(raw.services?.app ?? {});
  const appYaml = path.join(repoRoot, "app", "src", "main", "resources", "application.yaml");
  const defaults = fs.existsSync(appYaml) ? flatten(YAML.parse(fs.readFileSync(appYaml, "utf8"))) : {};
  check(fs.existsSync(appYaml), where, `${path.relative(repoRoot, appYaml)} not found: cannot compare the API keys with the app's defaults`);
  const builtIn = Object.values(API_KEYS).map((property) => defaults[property]).filter((v) => v !== undefined);
  for (const variable of Object.keys(API_KEYS)) {
    const spec = String(appEnv[variable] ?? "");
    const name = spec.match(/^\$\{([A-Za-z_][A-Za-z0-9_]*):\?[^}]*\}$/)?.[1];
    if (!check(name, where, `${variable} must be a required variable, \${NAME:?message} (is "${spec}")`)) continue;
    const value = env[name] ?? "";
    check(!builtIn.includes(value), ".env", `${name} is the app's built-in key "${value}" (application.yaml): the app refuses it on 0.0.0.0`);
  }
}

function versionRules(env) {
  const pom = fs.readFileSync(path.join(repoRoot, "pom.xml"), "utf8");
  const camunda = pom.match(/<camunda\.version>([^<]+)<\/camunda\.version>/)?.[1];
  check(env.CAMUNDA_VERSION === camunda, ".env",
    `CAMUNDA_VERSION=${env.CAMUNDA_VERSION} differs from camunda.version ${camunda} in pom.xml`);
  const config = YAML.parse(fs.readFileSync(path.join(dockerDir, "config", "orchestration.yaml"), "utf8"));
  const flat = flatten(config);
  check(flat["camunda.database.index.numberOfReplicas"] === 0, "config/orchestration.yaml",
    "camunda.database.index.numberOfReplicas must be 0 with one Elasticsearch node");
  check(flat["camunda.data.secondary-storage.type"] === "elasticsearch", "config/orchestration.yaml",
    "secondary storage must be elasticsearch");
  check(flat["camunda.data.secondary-storage.elasticsearch.url"] === "http://elasticsearch:9200", "config/orchestration.yaml",
    "secondary storage must point at the elasticsearch service");
}

function flatten(obj, prefix = "", out = {}) {
  for (const [k, v] of Object.entries(obj ?? {})) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isMap(v)) flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}

// --- Dockerfile ------------------------------------------------------------------------------

function dockerfileRules(file) {
  const where = path.relative(repoRoot, file);
  const text = fs.readFileSync(file, "utf8");
  for (const d of lintDockerfile(text)) {
    // severity 1 = error, 2 = warning (dockerfile-utils ValidationSeverity)
    check(false, where, `line ${d.range.start.line + 1}: ${d.severity === 1 ? "error" : "warning"}: ${d.message}`);
  }
  checks++;
  const lines = joinContinuations(text);
  const stages = [];
  let user = "root";
  let healthchecks = 0;
  let copiesFromEarlierStages = true;
  for (const { n, line } of lines) {
    const [instruction, ...rest] = line.trim().split(/\s+/);
    const args = rest.join(" ");
    switch (instruction?.toUpperCase()) {
      case "FROM": {
        const m = args.match(/^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i);
        const image = m?.[1] ?? "";
        const tag = image.includes(":") ? image.slice(image.lastIndexOf(":") + 1) : "";
        if (!stages.includes(image)) {
          // DL3006/DL3007: tag every base image with a version, never latest
          check(/^\d+\.\d+/.test(tag), where, `line ${n}: FROM ${image} is not pinned to a version (DL3006/DL3007)`);
        }
        stages.push(m?.[2] ?? `#${stages.length}`);
        user = "root";
        break;
      }
      case "COPY": {
        const from = args.match(/--from=(\S+)/)?.[1];
        if (from && !stages.slice(0, -1).includes(from)) copiesFromEarlierStages = false;
        if (!from) {
          for (const src of args.replace(/--\S+/g, "").trim().split(/\s+/).slice(0, -1)) {
            check(fs.existsSync(path.join(repoRoot, src)), where, `line ${n}: COPY source ${src} missing from the build context`);
          }
        }
        break;
      }
      case "USER":
        user = args;
        break;
      case "WORKDIR":
        check(args.startsWith("/"), where, `line ${n}: WORKDIR ${args} is not absolute (DL3000)`);
        break;
      case "HEALTHCHECK":
        healthchecks++;
        break;
      case "ENTRYPOINT":
      case "CMD":
        check(args.startsWith("["), where, `line ${n}: ${instruction} in shell form; use JSON (DL3025)`);
        break;
      case "RUN":
        check(!/\bsudo\b/.test(args), where, `line ${n}: sudo in RUN (DL3004)`);
        check(!/apt-get install(?!.*--no-install-recommends)/.test(args), where, `line ${n}: apt-get install without --no-install-recommends (DL3015)`);
        break;
      default:
    }
  }
  check(stages.length >= 2, where, "is not a multi-stage build");
  check(copiesFromEarlierStages, where, "COPY --from names a stage that is not defined before it (DL3022)");
  check(user !== "root" && user !== "0", where, `the final stage runs as ${user} (DL3002: last USER should not be root)`);
  check(healthchecks === 1, where, `has ${healthchecks} HEALTHCHECK instructions, expected 1`);
}

function joinContinuations(text) {
  const out = [];
  let current = null;
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\s+$/, "");
    if (current === null) {
      if (/^\s*(#|$)/.test(line)) return;
      current = { n: i + 1, line: "" };
    } else if (/^\s*#/.test(line)) {
      return;
    }
    if (line.endsWith("\\")) {
      current.line += line.slice(0, -1) + " ";
    } else {
      current.line += line;
      out.push(current);
      current = null;
    }
  });
  return out;
}

// --- run -------------------------------------------------------------------------------------

const env = readEnv(path.join(dockerDir, ".env"));
const base = loadCompose(BASE, env);
const cluster = loadCompose(CLUSTER, env);
schemaCheck(BASE, base);
schemaCheck(CLUSTER, cluster);
const merged = merge(base, cluster);
schemaCheck(`${BASE} + ${CLUSTER}`, merged);
const single = projectRules(BASE, base, env);
const three = projectRules(`${BASE} + ${CLUSTER}`, merged, env);
appRules(BASE, base);
appRules(`${BASE} + ${CLUSTER}`, merged);
check(Object.keys(merged.services).filter((s) => s.startsWith("orchestration")).length === 3,
  `${BASE} + ${CLUSTER}`, "must run 3 orchestration nodes");
apiKeyRules(env);
versionRules(env);
for (const s of Object.values(base.services)) {
  const dockerfile = dockerfileOf(s);
  if (dockerfile) dockerfileRules(dockerfile);
}

const gib = (b) => `${(b / 1024 ** 3).toFixed(1)} GiB`;
console.log(`docker/validate: compose files valid against the Compose Specification schema: ${problems.some((p) => p.includes("schema")) ? "NO" : "yes"}`);
console.log(`docker/validate: services ${Object.keys(base.services).join(", ")}; memory limits ${gib(single.memory)} (with the 3-broker cluster: ${Object.keys(merged.services).length} services, ${gib(three.memory)})`);
for (const p of problems) console.log(`docker/validate: PROBLEM ${p}`);
console.log(`docker/validate: ${checks - problems.length} passed, ${problems.length} failed`);
process.exit(problems.length === 0 ? 0 : 1);
