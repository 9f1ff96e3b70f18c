/**
 * The default crime-type list (DOMAIN.md: configurable). Events store only the id, so renaming a
 * label never rewrites history.
 */
export interface CrimeType {
  id: string;
  label: string;
  /** Police may refer these victims only with their explicit consent (Victims' Code). */
  explicitConsentRequired: boolean;
  /** The Victims' Code priority group its victims fall in by the offence alone, if any. */
  priorityGroup: 'most-serious-crime' | 'persistently-targeted' | null;
}

export const DEFAULT_CRIME_TYPES: readonly CrimeType[] = [
  { id: 'sexual-offence', label: 'Sexual offence', explicitConsentRequired: true, priorityGroup: 'most-serious-crime' },
  { id: 'domestic-abuse', label: 'Domestic abuse', explicitConsentRequired: true, priorityGroup: 'most-serious-crime' },
  { id: 'homicide-bereaved', label: 'Homicide (bereaved relatives)', explicitConsentRequired: true, priorityGroup: 'most-serious-crime' },
  { id: 'hate-crime', label: 'Hate crime', explicitConsentRequired: false, priorityGroup: 'most-serious-crime' },
  { id: 'terrorism', label: 'Terrorism', explicitConsentRequired: false, priorityGroup: 'most-serious-crime' },
  { id: 'human-trafficking', label: 'Human trafficking or modern slavery', explicitConsentRequired: false, priorityGroup: 'most-serious-crime' },
  { id: 'attempted-murder', label: 'Attempted murder', explicitConsentRequired: false, priorityGroup: 'most-serious-crime' },
  { id: 'kidnap', label: 'Kidnap or false imprisonment', explicitConsentRequired: false, priorityGroup: 'most-serious-crime' },
  { id: 'arson-endangering-life', label: 'Arson with intent to endanger life', explicitConsentRequired: false, priorityGroup: 'most-serious-crime' },
  { id: 'wounding-with-intent', label: 'Wounding or GBH with intent', explicitConsentRequired: false, priorityGroup: 'most-serious-crime' },
  { id: 'harassment', label: 'Harassment', explicitConsentRequired: false, priorityGroup: 'persistently-targeted' },
  { id: 'stalking', label: 'Stalking', explicitConsentRequired: false, priorityGroup: 'persistently-targeted' },
  { id: 'assault', label: 'Assault', explicitConsentRequired: false, priorityGroup: null },
  { id: 'burglary', label: 'Burglary', explicitConsentRequired: false, priorityGroup: null },
  { id: 'robbery', label: 'Robbery', explicitConsentRequired: false, priorityGroup: null },
  { id: 'theft', label: 'Theft', explicitConsentRequired: false, priorityGroup: null },
  { id: 'criminal-damage', label: 'Criminal damage', explicitConsentRequired: false, priorityGroup: null },
  { id: 'fraud', label: 'Fraud', explicitConsentRequired: false, priorityGroup: null },
  { id: 'anti-social-behaviour', label: 'Anti-social behaviour', explicitConsentRequired: false, priorityGroup: null },
  { id: 'other', label: 'Other', explicitConsentRequired: false, priorityGroup: null },
];
