import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { migrations } from './migrations.ts';
import { DATABASE_URL, OWNER_DATABASE_URL, type DatabaseUrls } from './database-url.ts';
import { poolOptions, type DatabaseTimeouts } from './pool.ts';

/** Read models and bookkeeping live in PostgreSQL through TypeORM; migrations run before the app starts. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(urls: DatabaseUrls, timeouts: DatabaseTimeouts): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: urls.runtime,
          autoLoadEntities: true,
          migrations,
          migrationsTableName: 'schema_migrations',
          synchronize: false,
          logging: false,
          extra: poolOptions(timeouts),
        }),
      ],
      providers: [
        { provide: DATABASE_URL, useValue: urls.runtime },
        { provide: OWNER_DATABASE_URL, useValue: urls.owner },
      ],
      exports: [DATABASE_URL, OWNER_DATABASE_URL],
    };
  }
}
