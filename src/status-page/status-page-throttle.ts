import type { DataSource } from 'typeorm';

/** Views allowed within one window, of one link and from one client address, before the page answers 429. */
export interface StatusPageLimits {
  viewsPerLink: number;
  viewsPerAddress: number;
  windowSeconds: number;
}

/**
 * Counts each view against its link and its address in PostgreSQL, so every process behind a load balancer shares
 * the count: one statement a view, both counters at once, a window starting again once it is over.
 */
export class StatusPageThrottle {
  constructor(
    private readonly database: DataSource,
    readonly limits: StatusPageLimits,
  ) {}

  /** Counts the view; the seconds until it may be tried again if it is one too many, else 0. */
  async count(address: string, linkId: string | undefined): Promise<number> {
    const counted = [[`address:${address}`, this.limits.viewsPerAddress], ...(linkId ? [[`link:${linkId}`, this.limits.viewsPerLink] as const] : [])] as const;
    const rows: { counted: string; views: number; retry_after: number }[] = await this.database.query(
      `INSERT INTO status_page_views AS seen (counted, window_started, views)
         SELECT unnest($1::text[]), now(), 1
       ON CONFLICT (counted) DO UPDATE SET
         window_started = CASE WHEN seen.window_started > now() - make_interval(secs => $2) THEN seen.window_started ELSE now() END,
         views = CASE WHEN seen.window_started > now() - make_interval(secs => $2) THEN seen.views + 1 ELSE 1 END
       RETURNING counted, views, ceil(extract(epoch FROM window_started + make_interval(secs => $2) - now()))::int AS retry_after`,
      [counted.map(([key]) => key), this.limits.windowSeconds],
    );
    const over = rows.filter((row) => row.views > counted.find(([key]) => key === row.counted)![1]);
    return Math.max(0, ...over.map((row) => Math.max(1, row.retry_after)));
  }

  /** Counts of windows that are over: the table keeps only what may still limit a view. */
  async forgetPastWindows(): Promise<void> {
    await this.database.query('DELETE FROM status_page_views WHERE window_started <= now() - make_interval(secs => $1)', [this.limits.windowSeconds]);
  }
}
