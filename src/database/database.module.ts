import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { migrations } from './migrations.ts';
import { DATABASE_URL } from './database-url.ts';
import { poolTimeoutOptions, type DatabaseTimeouts } from './pool.ts';

/** Read models and bookkeeping live in PostgreSQL through TypeORM; migrations run before the app starts. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string, timeouts: DatabaseTimeouts): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrl,
          autoLoadEntities: true,
          migrations,
          migrationsTableName: 'schema_migrations',
          synchronize: false,
          logging: false,
          extra: poolTimeoutOptions(timeouts),
        }),
      ],
      providers: [{ provide: DATABASE_URL, useValue: databaseUrl }],
      exports: [DATABASE_URL],
    };
  }
}
