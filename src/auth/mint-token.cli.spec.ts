import { describe, expect, it } from '@jest/globals';
import { runBuiltCommand } from '../../test/support/command-line.ts';
import { TOKEN_USAGE } from './mint-token-args.ts';

/** `npm run token` as a developer runs it: the built command (`npm test` compiles into dist/ first). */
const CLI = 'dist/src/auth/mint-token.cli.js';
const SECRET = 'token-command-tests-secret-of-at-least-32-chars';

const { AUTH_JWKS_URL: _identityProvider, ...environment } = process.env;

const token = (args: string[], env: NodeJS.ProcessEnv = {}) => runBuiltCommand(CLI, args, { ...environment, AUTH_JWT_SECRET: SECRET, ...env });

describe('npm run token', () => {
  it('prints the usage for --help and -h, and nothing else', async () => {
    for (const help of ['--help', '-h']) expect(await token([help])).toEqual({ code: 0, stdout: `${TOKEN_USAGE}\n`, stderr: '' });
  });

  it('answers arguments it cannot use with one line saying which, then the usage, and no stack trace', async () => {
    const cases: [string[], string][] = [
      [['--bogus'], "Unknown option '--bogus'"],
      [['--sub'], '--sub'],
      [['stray'], "Unexpected argument 'stray'"],
      [['--roles', 'case_manager'], '--sub is required'],
      [['--sub', 'alice'], '--roles is required'],
      [['--sub', 'alice', '--roles', 'case_manager,wizard'], 'Unknown roles: wizard'],
      [['--sub', 'alice', '--roles', 'case_manager', '--expires', 'soon'], '--expires soon is not a duration'],
    ];
    const answers = await Promise.all(cases.map(([args]) => token(args)));
    answers.forEach(({ code, stdout, stderr }, index) => {
      const [args, reason] = cases[index]!;
      const [line, usage, ...rest] = stderr.split('\n');
      expect({ args, code, stdout, line: line?.includes(reason), usage, rest }).toEqual({ args, code: 2, stdout: '', line: true, usage: TOKEN_USAGE, rest: [''] });
    });
  });

  it('answers a configuration it cannot use with the one line saying why', async () => {
    const { code, stderr } = await token(['--sub', 'alice', '--roles', 'case_manager'], { AUTH_MAX_TOKEN_AGE: 'forever' });
    expect({ code, lines: stderr.trimEnd().split('\n') }).toEqual({ code: 2, lines: [expect.stringMatching(/^Invalid configuration: AUTH_MAX_TOKEN_AGE/)] });
  });

  it('prints a token for good arguments', async () => {
    const { code, stdout, stderr } = await token(['--sub', 'alice', '--roles', 'case_manager', '--teams', 'vcc-north']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const claims = JSON.parse(Buffer.from(stdout.trim().split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'alice', roles: ['case_manager'], teams: ['vcc-north'] });
  });
});
