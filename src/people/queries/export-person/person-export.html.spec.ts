import { describe, expect, it } from '@jest/globals';
import { personExportHtml } from './person-export.html.ts';
import type { PersonExport } from './person-export.ts';

const exported = (restrictedCasesWithheld: number): PersonExport => ({ personId: 'p-1', exportedAt: '2026-03-02T10:00:00.000Z', cases: [], links: [], dataDecisions: [], restrictedCasesWithheld });

describe('the subject access document', () => {
  it('says nothing is left out when nothing is', () => {
    expect(personExportHtml(exported(0))).not.toContain('restricted to named staff');
  });

  it('says how many restricted cases are left out and who must complete the request, naming none', () => {
    expect(personExportHtml(exported(1))).toContain('<p>This document leaves out 1 case that is restricted to named staff. An auditor or a person named on that case must complete that part of the request.</p>');
    expect(personExportHtml(exported(3))).toContain('<p>This document leaves out 3 cases that are restricted to named staff. An auditor or a person named on those cases must complete that part of the request.</p>');
  });
});
