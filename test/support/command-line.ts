import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface CommandOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** A built command line (`npm test` compiles into dist/ first) run as an operator runs it: its exit code and what it wrote. */
export async function runBuiltCommand(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<CommandOutcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(process.cwd(), script), ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CommandOutcome;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
