import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { configSchema, parseConfig } from '../../src/config/config.schema.ts';
import { SERVICE_NODE_FLAGS } from '../../src/node-flags.ts';
import { argsOf, parseDockerfile } from './dockerfile.ts';

/**
 * No Docker engine runs where this was written, so the stack is checked statically: the compose file
 * and the Dockerfile must agree with each other, with the config schema and with the sources.
 */
const ROOT = process.cwd();
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  restart?: string;
  environment?: Record<string, string | number | boolean> | string[];
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const composeText = read('docker/compose.yml');
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const services = compose.services;
const dockerfile = parseDockerfile(read('docker/Dockerfile'));
const runtime = dockerfile.stages.at(-1)!;

/** What an operator supplies from the shell for `${NAME:?…}` interpolations (docker compose refuses to start without them). */
const OPERATOR_SUPPLIED: Record<string, string> = { MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };

function environmentOf(service: Service): Record<string, string> {
  const entries = Array.isArray(service.environment)
    ? service.environment.map((entry) => entry.split('=', 2) as [string, string])
    : Object.entries(service.environment ?? {}).map(([name, value]) => [name, String(value)] as [string, string]);
  return Object.fromEntries(entries.map(([name, value]) => [name, value.replace(/^\$\{(\w+):\?[^}]*\}$/, (_, variable: string) => OPERATOR_SUPPLIED[variable] ?? value)]));
}

/** "127.0.0.1:3000:3000" → 3000, the port inside the container. */
const containerPorts = (service: Service) => (service.ports ?? []).map((mapping) => Number(mapping.split(':').at(-1)));
const healthcheckText = (service: Service) => service.healthcheck!.test.slice(1).join(' ');
const exposedPorts = () => argsOf(runtime, 'EXPOSE').flatMap((ports) => ports.split(' ').map(Number));

describe('docker/compose.yml', () => {
  it('runs the event store, PostgreSQL, the API and the projector as separate services', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'eventstore', 'postgres', 'projector']);
  });

  it.each(['eventstore', 'postgres', 'api', 'projector'])('gives %s a health check and a restart policy', (name) => {
    const service = services[name]!;
    expect(['CMD', 'CMD-SHELL']).toContain(service.healthcheck?.test[0]);
    expect(healthcheckText(service).length).toBeGreaterThan(0);
    expect(['always', 'unless-stopped', 'on-failure']).toContain(service.restart);
  });

  it.each(['eventstore', 'postgres', 'api'])('keeps the state of %s in a declared named volume', (name) => {
    const named = (services[name]!.volumes ?? []).map((mount) => mount.split(':')[0]!);
    expect(named.length).toBeGreaterThan(0);
    for (const volume of named) expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it('builds the API and the projector from docker/Dockerfile at the repository root, with the commands that exist', () => {
    for (const name of ['api', 'projector']) {
      const build = services[name]!.build!;
      expect(resolve(ROOT, 'docker', build.context)).toBe(ROOT);
      expect(build.dockerfile).toBe('docker/Dockerfile');
    }
    expect(services.api!.command).toBeUndefined();
    expect(argsOf(runtime, 'CMD')).toEqual([JSON.stringify(['node', ...SERVICE_NODE_FLAGS, 'dist/src/main.js']).replaceAll('","', '", "')]);
    expect(services.projector!.command).toEqual(['node', ...SERVICE_NODE_FLAGS, 'dist/projections/runner/projections.cli.js']);
    // `npm start` and `npm run projections` run them with the same Node.js options; so do a rebuild from the command
    // line and the bench, whose rebuild and lag figures fold in its own process as the projector does.
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(`node ${SERVICE_NODE_FLAGS.join(' ')} dist/src/main.js`);
    expect(scripts.projections).toMatch(new RegExp(` node ${SERVICE_NODE_FLAGS.join(' ')} dist/projections/runner/projections.cli.js$`));
    expect(scripts['projections:rebuild']).toMatch(new RegExp(` node ${SERVICE_NODE_FLAGS.join(' ')} dist/projections/runner/projections.cli.js rebuild$`));
    expect(scripts.bench).toMatch(new RegExp(` node ${SERVICE_NODE_FLAGS.join(' ')} dist/bench/run.js$`));
    expect(services.projector!.healthcheck!.test.slice(1)).toEqual(['node', 'dist/src/health/projector-probe.cli.js']);
    for (const compiled of ['dist/src/main.js', 'dist/projections/runner/projections.cli.js', 'dist/src/health/projector-probe.cli.js']) {
      expect(existsSync(join(ROOT, compiled.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    }
  });

  it.each(['api', 'projector'])('passes %s only variables the config schema knows, with values it accepts', (name) => {
    const environment = environmentOf(services[name]!);
    const known = Object.keys(configSchema.shape);
    for (const variable of Object.keys(environment)) expect(known).toContain(variable);
    expect(() => parseConfig(environment)).not.toThrow();
  });

  it('makes the operator supply one MASTER_KEY that the API and the projector share', () => {
    const raw = (name: string) => (services[name]!.environment as Record<string, string>).MASTER_KEY;
    expect(raw('api')).toMatch(/^\$\{MASTER_KEY:\?/);
    expect(raw('projector')).toBe(raw('api'));
  });

  it('points the API and the projector at the event store and PostgreSQL services, and runs projections only in the projector', () => {
    const postgres = environmentOf(services.postgres!);
    for (const name of ['api', 'projector']) {
      const config = parseConfig(environmentOf(services[name]!));
      const eventStore = new URL(config.EVENTSTORE_URL!);
      expect(eventStore.hostname).toBe('eventstore');
      expect(containerPorts(services.eventstore!)).toContain(Number(eventStore.port));
      expect(eventStore.searchParams.get('tls')).toBe('false');
      const database = new URL(config.DATABASE_URL!);
      expect(database.hostname).toBe('postgres');
      expect(containerPorts(services.postgres!)).toContain(Number(database.port));
      expect([database.username, database.password, database.pathname.slice(1)]).toEqual([postgres.POSTGRES_USER, postgres.POSTGRES_PASSWORD, postgres.POSTGRES_DB]);
    }
    expect(parseConfig(environmentOf(services.api!)).PROJECTIONS).toBe('off');
  });

  it('publishes the API on the port it listens on, the one the image exposes and the one its health check asks', () => {
    const { PORT } = parseConfig(environmentOf(services.api!));
    expect(containerPorts(services.api!)).toEqual([PORT]);
    expect(exposedPorts()).toEqual([PORT]);
    expect(healthcheckText(services.api!)).toContain(`http://127.0.0.1:${PORT}/api/health/ready`);
    expect(argsOf(runtime, 'ENV').join(' ')).toContain(`PORT=${PORT}`);
  });

  it('starts each service only once what it needs is healthy', () => {
    expect(services.api!.depends_on).toEqual({ eventstore: { condition: 'service_healthy' }, postgres: { condition: 'service_healthy' } });
    // The API migrates the read-model database; the projector must not start before that.
    expect(services.projector!.depends_on).toEqual({ api: { condition: 'service_healthy' } });
  });

  it('runs the KurrentDB image the contract suite tests against, insecure and saying it is for local use only', () => {
    const contractImage = /KURRENTDB_IMAGE = '([^']+)'/.exec(read('test/event-store/eventstoredb.contract.spec.ts'))?.[1];
    expect(services.eventstore!.image).toBe(contractImage);
    expect(services.eventstore!.image).toMatch(/^kurrentplatform\/kurrentdb:/);
    expect(environmentOf(services.eventstore!).KURRENTDB_INSECURE).toBe('true');
    const lines = composeText.split('\n');
    const insecure = lines.findIndex((line) => line.includes('KURRENTDB_INSECURE'));
    expect(lines[insecure - 1]).toMatch(/#.*local use only/i);
  });
});

describe('docker/Dockerfile', () => {
  const build = dockerfile.stages.find((stage) => argsOf(stage, 'RUN').includes('npm run build'));

  it('builds in one stage with `npm run build` and runs from a later one', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    expect(build).toBeDefined();
    expect(build).not.toBe(runtime);
    expect(argsOf(runtime, 'RUN').join('\n')).not.toMatch(/npm run build|npm (ci|install)(?!.*--omit=dev)/);
  });

  it('runs as an unprivileged user', () => {
    const users = argsOf(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const keywords = runtime.instructions.map((instruction) => instruction.keyword);
    expect(keywords.lastIndexOf('USER')).toBeLessThan(keywords.indexOf('CMD'));
  });

  it('ships production dependencies only', () => {
    const copies = argsOf(runtime, 'COPY');
    const modules = copies.filter((copy) => copy.includes('node_modules'));
    expect(modules).toHaveLength(1);
    const source = /--from=(\S+)/.exec(modules[0]!)?.[1];
    const dependencies = dockerfile.stages.find((stage) => stage.name === source)!;
    expect(argsOf(dependencies, 'RUN').some((run) => /npm ci .*--omit=dev/.test(run))).toBe(true);
    expect(source).not.toBe(build!.name);
  });

  it('copies into the build every source folder the build config compiles, and the ignore file lets them through', () => {
    const tsconfig = JSON.parse(read('tsconfig.json')) as { include: string[] };
    const buildConfig = JSON.parse(read('tsconfig.build.json')) as { exclude: string[] };
    const compiled = tsconfig.include.filter((folder) => !buildConfig.exclude.includes(folder));
    const copied = argsOf(build!, 'COPY').flatMap((copy) => copy.split(' ').slice(0, -1));
    const ignore = read('docker/Dockerfile.dockerignore').split('\n');
    for (const folder of compiled) expect(copied).toContain(folder);
    for (const path of copied) expect(ignore.some((line) => line === `!${path}` || line === `!${path}/**`)).toBe(true);
  });
});
