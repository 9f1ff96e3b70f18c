import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { AppConfig } from '../../config/config.schema.ts';
import { groundsOfReason, type DecisionGrounds } from '../data-subjects/data-subject-grounds.ts';

/** One erasure as the register keeps it: enough to erase the subject again after a restore. */
export interface ErasureEntry extends DecisionGrounds {
  subjectId: string;
  /** When the erasure was asked for (ISO 8601). */
  erasedAt: string;
  /** The request's correlation id, which the erasure's record carries too. */
  requestId: string;
}

/** ERASURE_REGISTER_PATH, else a file beside the embedded cluster in DATA_DIR. */
export function erasureRegisterPath(config: Pick<AppConfig, 'ERASURE_REGISTER_PATH' | 'DATA_DIR'>): string {
  return resolve(config.ERASURE_REGISTER_PATH ?? join(config.DATA_DIR, 'erasure-register.jsonl'));
}

/**
 * Every erasure, kept outside the database (one JSON line each, flushed to disk before the key is destroyed),
 * so a database restored from a backup taken before an erasure can be erased again (`npm run erasures:reapply`).
 * In the database, the same erasures are the `PersonalDataErased` records. An entry holds ids, a ground code, the
 * request's reference and times, never free text: the register outlives the data it erased.
 */
export class ErasureRegister {
  constructor(readonly path: string) {}

  /** Appends the entries with one flush, so a disposal of thousands of cases waits for the disk once. */
  async record(...entries: ErasureEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await mkdir(dirname(this.path), { recursive: true });
    const file = await open(this.path, 'a+', 0o600);
    try {
      // After a line a crash cut short, the entry starts a line of its own.
      const { size } = await file.stat();
      const { buffer } = size > 0 ? await file.read(Buffer.alloc(1), 0, 1, size - 1) : { buffer: Buffer.from('\n') };
      await file.write(`${buffer.toString() === '\n' ? '' : '\n'}${entries.map((entry) => `${JSON.stringify(entry)}\n`).join('')}`);
      await file.sync();
    } finally {
      await file.close();
    }
  }

  /** Every entry, oldest first; a last line cut short by a crash while it was written is left out. */
  async entries(): Promise<ErasureEntry[]> {
    const text = await readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    return text.split('\n').flatMap((line) => {
      if (!line.trim()) return [];
      try {
        return [current(JSON.parse(line) as ErasureEntry | OlderEntry)];
      } catch {
        return [];
      }
    });
  }
}

/**
 * A line written before erasures had grounds kept the admin's free-text `reason`: it reads as the erasure records
 * of then do (see `reasonToGrounds`), its text not carried forward. The line itself is not rewritten.
 */
type OlderEntry = Omit<ErasureEntry, keyof DecisionGrounds> & { reason: string };

function current(entry: ErasureEntry | OlderEntry): ErasureEntry {
  if (!('reason' in entry)) return entry;
  const { reason, ...rest } = entry;
  return { ...rest, ...groundsOfReason(reason) };
}
