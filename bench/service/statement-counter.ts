import pg from 'pg';

/** pg_stat_statements over the suite's database only, leaving out the counter's own statements. */
export class StatementCounter {
  private constructor(private readonly client: pg.Client) {}

  static async open(databaseUrl: string): Promise<StatementCounter | undefined> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const loaded = await client.query(`SELECT 1 FROM pg_settings WHERE name = 'shared_preload_libraries' AND setting ~ 'pg_stat_statements'`);
    if (loaded.rowCount === 0) {
      await client.end();
      return undefined;
    }
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    return new StatementCounter(client);
  }

  async reset(): Promise<void> {
    await this.client.query('SELECT pg_stat_statements_reset()');
  }

  /** Most called first; `ms` is their time executing in all. */
  async statements(): Promise<{ calls: number; ms: number; query: string }[]> {
    const result = await this.client.query<{ calls: string; ms: number; query: string }>(
      `SELECT calls, total_exec_time AS ms, query FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query !~ 'pg_stat_statements'
        ORDER BY calls DESC`,
    );
    return result.rows.map((row) => ({ calls: Number(row.calls), ms: row.ms, query: row.query }));
  }

  async total(): Promise<number> {
    return (await this.statements()).reduce((sum, statement) => sum + statement.calls, 0);
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
