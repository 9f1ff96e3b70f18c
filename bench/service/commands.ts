import { randomBytes } from 'node:crypto';
import { mintToken } from '../../src/auth/mint-token.ts';
import type { Role } from '../../src/auth/roles.ts';

/** A secret for the bench's own service process; tokens are minted with it as `npm run token` would. */
export const benchJwtSecret = () => randomBytes(32).toString('hex');

export const bearer = (secret: string, sub: string, roles: Role[]) => mintToken(secret, { sub, roles }).then((token) => `Bearer ${token}`);

/** A self-referral as a case manager types it in: the create command of the HTTP mix. */
export const receiveReferralBody = (index: number) =>
  JSON.stringify({
    source: 'self',
    crimeType: 'burglary',
    victim: { name: `Bench Victim ${index}`, phone: '07700 900123', email: 'victim@example.org', address: '42 Larkspur Crescent, Exampleton' },
    consent: { contact: true, dataSharing: true, basis: 'explicit' },
  });

/** A contact made with the victim: the state change of the mix, repeatable on any referral. */
export const recordContactBody = (at: Date) => JSON.stringify({ outcome: 'made', channel: 'phone', at: at.toISOString(), note: 'Spoke to the victim about support' });
