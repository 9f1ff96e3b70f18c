/**
 * The default crime-type list (DOMAIN.md: configurable). Events store only the id, so renaming a
 * label never rewrites history.
 */
export interface CrimeType {
  id: string;
  label: string;
  /** Police may refer these victims only with their explicit consent (Victims' Code). */
  explicitConsentRequired: boolean;
}

export const DEFAULT_CRIME_TYPES: readonly CrimeType[] = [
  { id: 'sexual-offence', label: 'Sexual offence', explicitConsentRequired: true },
  { id: 'domestic-abuse', label: 'Domestic abuse', explicitConsentRequired: true },
  { id: 'homicide-bereaved', label: 'Homicide (bereaved relatives)', explicitConsentRequired: true },
  { id: 'hate-crime', label: 'Hate crime', explicitConsentRequired: false },
  { id: 'terrorism', label: 'Terrorism', explicitConsentRequired: false },
  { id: 'human-trafficking', label: 'Human trafficking or modern slavery', explicitConsentRequired: false },
  { id: 'attempted-murder', label: 'Attempted murder', explicitConsentRequired: false },
  { id: 'kidnap', label: 'Kidnap or false imprisonment', explicitConsentRequired: false },
  { id: 'arson-endangering-life', label: 'Arson with intent to endanger life', explicitConsentRequired: false },
  { id: 'wounding-with-intent', label: 'Wounding or GBH with intent', explicitConsentRequired: false },
  { id: 'harassment', label: 'Harassment', explicitConsentRequired: false },
  { id: 'stalking', label: 'Stalking', explicitConsentRequired: false },
  { id: 'assault', label: 'Assault', explicitConsentRequired: false },
  { id: 'burglary', label: 'Burglary', explicitConsentRequired: false },
  { id: 'robbery', label: 'Robbery', explicitConsentRequired: false },
  { id: 'theft', label: 'Theft', explicitConsentRequired: false },
  { id: 'criminal-damage', label: 'Criminal damage', explicitConsentRequired: false },
  { id: 'fraud', label: 'Fraud', explicitConsentRequired: false },
  { id: 'anti-social-behaviour', label: 'Anti-social behaviour', explicitConsentRequired: false },
  { id: 'other', label: 'Other', explicitConsentRequired: false },
];
