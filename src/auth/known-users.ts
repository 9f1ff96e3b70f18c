import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from './roles.ts';
import type { AuthenticatedUser } from './token-claims.ts';

/**
 * The users this service knows: those a verified token has named (each token once per process, thanks to the
 * verifier's memory), with the roles their latest token gave them, so a role the identity provider took away
 * is taken away here too. Staff ids and roles only; names stay in the tokens.
 */
@Injectable()
export class KnownUsers {
  constructor(private readonly dataSource: DataSource) {}

  async learn(user: Pick<AuthenticatedUser, 'sub' | 'roles'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO known_users (user_id, roles) VALUES ($1, $2::text[])
       ON CONFLICT (user_id) DO UPDATE SET roles = excluded.roles, last_seen_at = now()`,
      [user.sub, user.roles],
    );
  }

  async holdsAnyRole(userId: string, roles: readonly Role[]): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM known_users WHERE user_id = $1 AND roles && $2::text[]', [userId, roles]);
    return rows.length > 0;
  }
}
