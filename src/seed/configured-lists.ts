import type { ListName } from '../settings/domain/settings.events.ts';
import type { Settings } from '../settings/settings.ts';

/** The ids a new command may still use from one of the office's configured lists. */
export const activeIds = (settings: Settings, list: ListName): string[] => settings.state.lists[list].filter((entry) => !entry.retired).map((entry) => entry.id);

/** Weights for the ids still on a configured list; an entry an administrator added since gets a small share. */
export const weightsOf = (ids: readonly string[], weights: Readonly<Record<string, number>>): Record<string, number> => Object.fromEntries(ids.map((id) => [id, weights[id] ?? 1]));
