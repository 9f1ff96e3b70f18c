import type { Pool } from 'pg';
import { DomainRuleViolation } from '../../src/shared/domain/errors.ts';
import type { Projection } from './projection.ts';

/** Asks whichever instance runs the projection to rebuild it; refused while a rebuild is under way. */
export async function requestRebuild(pool: Pool, projection: Projection): Promise<void> {
  const result = await pool.query(
    `INSERT INTO projection_checkpoints (name, version, rebuild_version) VALUES ($1, $2, $2)
     ON CONFLICT (name) DO UPDATE SET rebuild_version = $2, rebuild_position = NULL, updated_at = now()
       WHERE projection_checkpoints.rebuild_version IS NULL
     RETURNING 1`,
    [projection.name, projection.version],
  );
  if (result.rowCount === 0) {
    throw new DomainRuleViolation('rebuild-in-progress', `Projection ${projection.name} is already being rebuilt`);
  }
}

