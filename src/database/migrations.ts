import type { MigrationInterface } from 'typeorm';

/** Every schema change in order. A migration that reached main is never edited: add a new one. */
export const migrations: (new () => MigrationInterface)[] = [];
