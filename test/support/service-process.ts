import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The built service (`npm test` compiles everything into dist/ before Jest starts). */
const MAIN = join(process.cwd(), 'dist/src/main.js');
const START_TIMEOUT_MS = 60_000;

export interface RunningService {
  url: string;
  process: ChildProcess;
  /** Resolves with the exit code when the process ends, for whatever reason. */
  exited: Promise<number | null>;
  /** The end of what it wrote, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/** The service as its own process, on a free port, with `env` over the test's environment. */
export async function startServiceProcess(env: NodeJS.ProcessEnv): Promise<RunningService> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`service did not start:\n${output}`));
    }, START_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const match = /Listening on (http:\/\/[^\s]+)\/api/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then((code) => reject(new Error(`service exited with ${code}:\n${output}`)));
  });
  return {
    url,
    process: child,
    exited,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
