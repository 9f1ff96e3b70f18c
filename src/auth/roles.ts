import { SetMetadata } from '@nestjs/common';

export const ROLES = ['case_manager', 'crt_officer', 'resolution_officer', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLES_KEY = 'casework:roles';
export const PUBLIC_KEY = 'casework:public';

/** The roles that may call a route. A route with neither @Roles nor @Public is closed to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Health and API docs only: no token needed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
