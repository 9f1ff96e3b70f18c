import { describe, expect, it } from '@jest/globals';
import { fold } from '../../shared/domain/decider.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import { settingsDecider, type SettingsCommand } from './settings.decide.ts';
import { Settings } from '../settings.ts';
import { gatherAttributes, namePlaceholders, type SettingsEvent } from './settings.events.ts';

const metadata = { now: new Date('2026-03-02T10:00:00Z') };
const run = (history: SettingsEvent[], command: SettingsCommand) => [...history, ...settingsDecider.decide(command, fold(settingsDecider, history))];

describe('settings', () => {
  it('refuses a label no store can hold', () => {
    const command: SettingsCommand = { type: 'SaveListEntry', list: 'declineReasons', entry: { id: 'moved-away', label: 'Moved\u0000', attributes: {} }, metadata };
    expect(() => run([], command)).toThrow(expect.objectContaining({ rule: 'unstorable-text' }));
  });

  it('starts from the shipped defaults', () => {
    const state = fold(settingsDecider, []);
    expect(state.lists.crimeTypes.find((type) => type.id === 'domestic-abuse')).toMatchObject({ attributes: { explicitConsentRequired: true, priorityGroup: 'most-serious-crime' } });
    expect(state.contactFailureThreshold).toBe(3);
  });

  it('adds, relabels in place and retires entries, and sets the threshold', () => {
    let history = run([], { type: 'SaveListEntry', list: 'declineReasons', entry: { id: 'moved-away', label: 'Moved away', attributes: {} }, metadata });
    history = run(history, { type: 'SaveListEntry', list: 'declineReasons', entry: { id: 'other', label: 'Something else', attributes: {} }, metadata });
    history = run(history, { type: 'RetireListEntry', list: 'declineReasons', id: 'wants-to-move-on', metadata });
    history = run(history, { type: 'SetContactFailureThreshold', value: 5, metadata });
    const state = fold(settingsDecider, history);
    const reasons = state.lists.declineReasons;
    expect(reasons.at(-1)).toEqual({ id: 'moved-away', label: 'Moved away', attributes: {}, retired: false });
    expect(reasons.find((reason) => reason.id === 'other')).toEqual({ id: 'other', label: 'Something else', attributes: {}, retired: false });
    expect(reasons.findIndex((reason) => reason.id === 'other')).toBe(4);
    expect(reasons.find((reason) => reason.id === 'wants-to-move-on')?.retired).toBe(true);
    expect(state.contactFailureThreshold).toBe(5);
  });

  it('refuses to retire an unknown or retired entry, or the last one that can be chosen', () => {
    const rule = (history: SettingsEvent[], command: SettingsCommand) => {
      try {
        run(history, command);
      } catch (error) {
        return (error as DomainRuleViolation).rule;
      }
      return undefined;
    };
    expect(rule([], { type: 'RetireListEntry', list: 'needsDomains', id: 'nope', metadata })).toBe('unknown-list-entry');
    let history: SettingsEvent[] = [];
    const ids = fold(settingsDecider, []).lists.closureReasons.map((reason) => reason.id);
    for (const id of ids.slice(1)) history = run(history, { type: 'RetireListEntry', list: 'closureReasons', id, metadata });
    expect(rule(history, { type: 'RetireListEntry', list: 'closureReasons', id: ids[1]!, metadata })).toBe('list-entry-retired');
    expect(rule(history, { type: 'RetireListEntry', list: 'closureReasons', id: ids[0]!, metadata })).toBe('list-would-be-empty');
  });

  it('reads a version-1 entry (attributes beside the id) in the version-2 shape', () => {
    const stored = { list: 'crimeTypes', entry: { id: 'forced-marriage', label: 'Forced marriage', explicitConsentRequired: true, priorityGroup: 'most-serious-crime' }, savedAt: '2026-01-05T09:00:00.000Z' };
    expect(gatherAttributes(stored)).toEqual({
      list: 'crimeTypes',
      entry: { id: 'forced-marriage', label: 'Forced marriage', attributes: { explicitConsentRequired: true, priorityGroup: 'most-serious-crime' } },
      savedAt: '2026-01-05T09:00:00.000Z',
    });
    expect(gatherAttributes({ list: 'declineReasons', entry: { id: 'moved-away', label: 'Moved away' }, savedAt: 'x' })).toMatchObject({ entry: { attributes: {} } });
  });

  it('reads a version-2 Notify template as using the two placeholders every message form filled in then, and other entries as they were', () => {
    const template = { list: 'notifyTemplates', entry: { id: 'contact-email', label: 'Contact by email', attributes: { templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a' } }, savedAt: 'x' };
    expect(namePlaceholders(template)).toEqual({ ...template, entry: { ...template.entry, attributes: { templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a', placeholders: ['first_name', 'update'] } } });
    const reason = { list: 'declineReasons', entry: { id: 'moved-away', label: 'Moved away', attributes: {} }, savedAt: 'x' };
    expect(namePlaceholders(reason)).toEqual(reason);
  });

  it('gives a message the template of its kind and channel with the placeholders it uses, none once retired', () => {
    const entry = { id: 'contact-email', label: 'Contact by email', attributes: { templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a', placeholders: ['first_name', 'court_name'] } };
    const saved = run([], { type: 'SaveListEntry', list: 'notifyTemplates', entry, metadata });
    expect(new Settings(fold(settingsDecider, saved)).notifyTemplate('contact', 'email')).toEqual({ templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a', placeholders: ['first_name', 'court_name'] });
    expect(new Settings(fold(settingsDecider, saved)).notifyTemplate('contact', 'sms')).toBeNull();
  });

  it('keeps a closure reason\'s own retention period apart from its kind\'s, which it falls back to', () => {
    let history = run([], { type: 'SetRetentionPeriod', caseKind: 'referral', closureReason: 'duplicate', months: 12, metadata });
    history = run(history, { type: 'SetRetentionPeriod', caseKind: 'referral', closureReason: null, months: 60, metadata });
    const settings = new Settings(fold(settingsDecider, history));
    expect(settings.retentionPeriod('referral', 'duplicate').months).toBe(12);
    expect(settings.retentionPeriod('referral', 'declined').months).toBe(60);
    expect(settings.retentionPeriod('complaint', 'duplicate')).toEqual({ caseKind: 'complaint', closureReason: null, months: 72 });
  });
});
