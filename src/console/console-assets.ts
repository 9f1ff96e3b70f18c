import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { GOVUK_FRONTEND, MOJ_FRONTEND, projectRoot } from './console-views.ts';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export const ASSETS_PATH = '/console/assets';

/** The design systems' stylesheets point their fonts and images at /assets/: here they are served under the console. */
const stylesheet = (file: string) => readFileSync(file, 'utf8').replaceAll('/assets/', `${ASSETS_PATH}/govuk/`);

/**
 * GOV.UK Frontend's and MoJ Frontend's compiled assets, and the console's own script, from the installed
 * packages: only the named files and what lies inside the packages' asset folders.
 */
export function registerAssets(console: FastifyInstance): void {
  const files: Record<string, { type: string; body: string | Buffer }> = {
    'govuk-frontend.min.css': { type: TYPES['.css']!, body: stylesheet(join(GOVUK_FRONTEND, 'govuk/govuk-frontend.min.css')) },
    'moj-frontend.min.css': { type: TYPES['.css']!, body: stylesheet(join(MOJ_FRONTEND, 'moj/moj-frontend.min.css')) },
    'govuk-frontend.min.js': { type: TYPES['.js']!, body: readFileSync(join(GOVUK_FRONTEND, 'govuk/govuk-frontend.min.js')) },
    'console.js': { type: TYPES['.js']!, body: readFileSync(join(projectRoot(), 'src/console/views/console.js')) },
  };
  console.get(`${ASSETS_PATH}/:file`, async (request, reply) => {
    const file = files[(request.params as { file: string }).file];
    if (!file) return reply.code(404).type('text/plain').send('Not found');
    return reply.header('cache-control', 'public, max-age=3600').type(file.type).send(file.body);
  });
  const folders = [join(GOVUK_FRONTEND, 'govuk/assets'), join(MOJ_FRONTEND, 'moj/assets')];
  console.get(`${ASSETS_PATH}/govuk/*`, async (request, reply) => {
    const relative = normalize((request.params as { '*': string })['*']);
    const type = TYPES[extname(relative)];
    if (!type || relative.startsWith('..') || relative.includes(`${sep}..`)) return reply.code(404).type('text/plain').send('Not found');
    for (const folder of folders) {
      const body = await readFile(join(folder, relative)).catch(() => undefined);
      if (body) return reply.header('cache-control', 'public, max-age=3600').type(type).send(body);
    }
    return reply.code(404).type('text/plain').send('Not found');
  });
}
