import { DataSource, type MixedList } from 'typeorm';
import { migrations } from './migrations.ts';

/**
 * The TypeORM data source for read models and bookkeeping tables. Schema comes only from the
 * migrations in ./migrations.ts, never from `synchronize`.
 */
export function createDataSource(url: string, entities: MixedList<Function> = []): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
  });
}

/** Brings a database up to the newest schema; safe to run on every start. */
export async function migrateDatabase(url: string): Promise<void> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
