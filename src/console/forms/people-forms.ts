import type { Role } from '../../auth/roles.ts';
import type { CommandForm } from './command-form.ts';

/** Who links a case's data subjects to people, as the API's /people routes allow. */
const CASE_WORKERS: readonly Role[] = ['case_manager', 'crt_officer', 'resolution_officer', 'supervisor'];
const REASON = { name: 'reason', label: 'Why (what confirmed it)', kind: 'textarea' } as const;

export interface PeopleForm extends CommandForm {
  /** The API's route for this subject (and person), and the body's subject when the route does not name it. */
  apiUrl(subjectId: string, personId: string): string;
  subjectInBody: boolean;
}

/** Linking a case's data subject to a person, new or already known, and undoing a wrong link. */
export const PEOPLE_FORMS: readonly PeopleForm[] = [
  { slug: 'link-new', title: 'Confirm as a new person', apiPath: 'people', roles: CASE_WORKERS, fields: [REASON], apiUrl: () => '/api/people', subjectInBody: true },
  { slug: 'link', title: 'Link to this person', apiPath: 'people/:person/subjects', roles: CASE_WORKERS, fields: [REASON], apiUrl: (_subject, person) => `/api/people/${person}/subjects`, subjectInBody: true },
  {
    slug: 'unlink',
    title: 'Unlink from the person',
    apiPath: 'people/:person/subjects/:subject/unlink',
    roles: CASE_WORKERS,
    fields: [REASON],
    apiUrl: (subject, person) => `/api/people/${person}/subjects/${subject}/unlink`,
    subjectInBody: false,
  },
];
