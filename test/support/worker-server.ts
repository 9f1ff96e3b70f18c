/** Jest's setup for each test file: the server of the worker that runs it (see global-setup.ts). */
const servers = process.env.CASEWORK_TEST_SERVER_URLS?.split(' ') ?? [];
const worker = Number(process.env.JEST_WORKER_ID ?? '1');
if (servers.length > 0) process.env.CASEWORK_TEST_SERVER_URL = servers[(worker - 1) % servers.length];
