import { complaintEventDefinitions } from '../complaints/domain/complaint.events.ts';
import { dipSampleEventDefinitions } from '../complaints/domain/dip-sample.ts';
import { accessLogEventDefinitions } from '../audit/access-log/access-log.events.ts';
import { dataSubjectEventDefinitions } from '../personal-data/data-subjects/data-subject.events.ts';
import { referralEventDefinitions } from '../referrals/domain/referral.events.ts';
import { resolutionEventDefinitions } from '../resolutions/domain/resolution.events.ts';
import { settingsEventDefinitions } from '../settings/domain/settings.events.ts';
import { personLinkEventDefinitions } from '../people/domain/person-link.events.ts';
import { EventCatalog } from './event-catalog.ts';
import { disposalEventDefinitions } from '../retention/domain/disposal.events.ts';
import { legalHoldEventDefinitions } from '../retention/domain/legal-hold.events.ts';
import { restrictedAccessEventDefinitions } from '../case-access/domain/restricted-access.events.ts';

/** Every event type of every bounded context: the catalog the store boundary upcasts with. */
export const createEventCatalog = () => new EventCatalog([...referralEventDefinitions, ...settingsEventDefinitions, ...resolutionEventDefinitions, ...complaintEventDefinitions, ...dipSampleEventDefinitions, ...accessLogEventDefinitions, ...dataSubjectEventDefinitions, ...restrictedAccessEventDefinitions, ...personLinkEventDefinitions, ...legalHoldEventDefinitions, ...disposalEventDefinitions]);
