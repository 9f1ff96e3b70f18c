import { describe, expect, it } from '@jest/globals';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';

/** The layering is checked, not hoped for: pure domains, and contexts that do not reach into each other. */
const rules: IForbiddenRuleType[] = [
  {
    name: 'domain-is-pure',
    comment: 'decide/evolve are pure: no framework, no infrastructure, no HTTP DTOs',
    severity: 'error',
    from: { path: '^src/[^/]+/domain/' },
    to: { path: ['^node_modules/', '^src/(event-store|database|http|command-pipeline|auth|projections)/', '\\.(dto|controller|handler)\\.ts$'], pathNot: ['^src/shared/domain/'] },
  },
  {
    name: 'domain-needs-no-node-builtins',
    comment: 'the clock and ids come in on the command, so decide needs nothing from Node',
    severity: 'error',
    from: { path: '^src/[^/]+/domain/' },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'contexts-are-separate',
    comment: 'a bounded context never imports another one; shared needs move to a shared module',
    severity: 'error',
    from: { path: '^src/(referrals|complaints|resolutions)/' },
    to: { path: '^src/(referrals|complaints|resolutions)/', pathNot: '^src/$1/' },
  },
];

describe('architecture', () => {
  it('keeps domains pure and contexts apart', async () => {
    const result = await cruise(['src'], {
      validate: true,
      ruleSet: { forbidden: rules },
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: '\\.spec\\.ts$' },
    });
    const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
    const violations = output.summary.violations.map((violation: { rule: { name: string }; from: string; to: string }) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`);
    expect(violations).toEqual([]);
    expect(output.summary.totalCruised).toBeGreaterThan(20);
  });
});
