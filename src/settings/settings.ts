import { englandAndWalesCalendar } from '../calendar/england-and-wales.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import type { CrimeType } from './domain/crime-types.ts';
import type { ListName, RemedyMeasure } from './domain/settings.events.ts';
import { retentionPeriodFor, type RetentionCaseKind, type RetentionPeriod } from './domain/retention.ts';
import type { SettingsState } from './domain/settings.state.ts';

export interface NotifyTemplate {
  templateId: string;
  /** The personalisation the template uses: a message must fill each in. */
  placeholders: string[];
}

/** The settings as commands and queries use them. */
export class Settings {
  constructor(readonly state: SettingsState) {}

  get contactFailureThreshold(): number {
    return this.state.contactFailureThreshold;
  }

  private workingDays: WorkingDayCalendar | undefined;

  /** The shipped bank holidays and the days an administrator added (retired ones are working days again). */
  get calendar(): WorkingDayCalendar {
    this.workingDays ??= englandAndWalesCalendar(this.state.lists.bankHolidays.filter((day) => !day.retired).map((day) => day.id));
    return this.workingDays;
  }

  /** Any crime type history may name, retired or not. */
  crimeType(id: string): CrimeType | undefined {
    const entry = this.state.lists.crimeTypes.find((candidate) => candidate.id === id);
    return entry && { id: entry.id, label: entry.label, explicitConsentRequired: entry.attributes.explicitConsentRequired ?? false, priorityGroup: entry.attributes.priorityGroup ?? null };
  }

  get crimeTypes(): CrimeType[] {
    return this.state.lists.crimeTypes.map((entry) => this.crimeType(entry.id)!);
  }

  /** How a Community Remedy is measured (amount in pence, hours), or null for one that is not. */
  remedyMeasure(id: string): RemedyMeasure | null {
    return this.state.lists.communityRemedies.find((entry) => entry.id === id)?.attributes.measure ?? null;
  }

  /** The entries a new command may use: every entry of the list that is not retired. */
  activeIds(list: ListName): string[] {
    return this.state.lists[list].filter((entry) => !entry.retired).map((entry) => entry.id);
  }

  /** The Notify template for a kind of message by a channel and the placeholders it uses, unless none is configured (or it was retired). */
  notifyTemplate(kind: string, channel: string): NotifyTemplate | null {
    const entry = this.state.lists.notifyTemplates.find((candidate) => candidate.id === `${kind}-${channel}` && !candidate.retired);
    return entry?.attributes.templateId ? { templateId: entry.attributes.templateId, placeholders: entry.attributes.placeholders ?? [] } : null;
  }

  /** Every retention period set, each kind's own (`closureReason: null`) among them. */
  get retentionPeriods(): readonly RetentionPeriod[] {
    return this.state.retentionPeriods;
  }

  /** The retention period for a case of this kind closed for this reason. */
  retentionPeriod(caseKind: RetentionCaseKind, closureReason: string | null): RetentionPeriod {
    return retentionPeriodFor(this.state.retentionPeriods, caseKind, closureReason);
  }

  labelOf(list: ListName, id: string): string {
    return this.state.lists[list].find((entry) => entry.id === id)?.label ?? id;
  }
}
