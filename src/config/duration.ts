const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_557_600 };

/**
 * Seconds in a duration such as `90m`, `8h`, `3600s` or `7d`; undefined when it is not one. Weeks and years
 * are read too, so that `100y` is refused as too long rather than as unreadable.
 */
export function durationSeconds(text: string): number | undefined {
  const match = /^(\d{1,9})\s*([smhdwy])$/.exec(text.trim());
  return match ? Number(match[1]) * UNIT_SECONDS[match[2]!]! : undefined;
}

/** The duration in the largest unit that states it exactly (`28800` → `8h`), as an operator would write it. */
export function formatDuration(seconds: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    if (seconds % UNIT_SECONDS[unit]! === 0) return `${seconds / UNIT_SECONDS[unit]!}${unit}`;
  }
  return `${seconds}s`;
}
