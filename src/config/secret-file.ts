import { readFile } from 'node:fs/promises';
import { InvalidConfig } from './config.schema.ts';

/** The trimmed text of a configured secret file (`variable` names the setting), or one line saying what is wrong. */
export async function readSecretFile(variable: string, file: string): Promise<string> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    throw new InvalidConfig(`Invalid configuration: ${variable} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  if (text === '') throw new InvalidConfig(`Invalid configuration: ${variable} names an empty file`);
  return text;
}
