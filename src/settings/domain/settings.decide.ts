import { assertNever, type CommandMetadata } from '../../shared/domain/decider.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import type { ListEntryData, ListName, SettingsEvent } from './settings.events.ts';
import { evolveSettings, initialSettings, type SettingsState } from './settings.state.ts';
import type { RetentionPeriod } from './retention.ts';
import { refuseUnstorableText } from '../../shared/domain/storable-text.ts';

export type SettingsCommand =
  | { type: 'SaveListEntry'; list: ListName; entry: ListEntryData; metadata: CommandMetadata }
  | { type: 'RetireListEntry'; list: ListName; id: string; metadata: CommandMetadata }
  | { type: 'SetContactFailureThreshold'; value: number; metadata: CommandMetadata }
  | ({ type: 'SetRetentionPeriod'; metadata: CommandMetadata } & RetentionPeriod);

export function decideSettings(command: SettingsCommand, state: SettingsState): SettingsEvent[] {
  refuseUnstorableText(command);
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'SaveListEntry':
      return [{ type: 'ListEntrySaved', data: { list: command.list, entry: command.entry, savedAt: at } }];
    case 'RetireListEntry': {
      const entry = state.lists[command.list].find((candidate) => candidate.id === command.id);
      if (!entry) throw new DomainRuleViolation('unknown-list-entry', `${command.list} has no entry ${command.id}`);
      if (entry.retired) throw new DomainRuleViolation('list-entry-retired', `${command.list} entry ${command.id} is already retired`);
      if (state.lists[command.list].filter((candidate) => !candidate.retired).length === 1) {
        throw new DomainRuleViolation('list-would-be-empty', `${command.list} needs at least one entry that can be chosen`);
      }
      return [{ type: 'ListEntryRetired', data: { list: command.list, id: command.id, retiredAt: at } }];
    }
    case 'SetContactFailureThreshold':
      return [{ type: 'ContactFailureThresholdSet', data: { value: command.value, setAt: at } }];
    case 'SetRetentionPeriod': {
      const { caseKind, closureReason, months } = command;
      return [{ type: 'RetentionPeriodSet', data: { caseKind, closureReason, months, setAt: at } }];
    }
    default:
      return assertNever(command);
  }
}

export const settingsDecider = { initialState: initialSettings, evolve: evolveSettings, decide: decideSettings };
