import type pg from 'pg';
import { DataSource } from 'typeorm';
import { createPool, poolOptions } from '../../src/database/pool.ts';

/**
 * Run by held-client.spec.ts as its own process: takes a client from each kind of pool the service has and holds it
 * as a holder does before it listens for errors, while another connection terminates its backend. It prints
 * `still running` only if the process outlives both terminations.
 */
const [url] = process.argv.slice(2) as [string];
const admin = createPool(url, 1);
const terminate = (pid: number) => admin.query('SELECT pg_terminate_backend($1)', [pid]);

async function holdWhileTerminated(take: () => Promise<pg.PoolClient>): Promise<void> {
  const client = await take();
  const { pid } = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!;
  const ended = new Promise<void>((resolve) => client.once('end', resolve));
  await terminate(pid);
  await ended;
  client.release();
}

const pool = createPool(url, 1);
await holdWhileTerminated(() => pool.connect());
const dataSource = await new DataSource({ type: 'postgres', url, extra: poolOptions() }).initialize();
await holdWhileTerminated(() => (dataSource.driver as unknown as { master: pg.Pool }).master.connect());
await Promise.all([pool.end(), admin.end(), dataSource.destroy()]);
console.log('still running');
