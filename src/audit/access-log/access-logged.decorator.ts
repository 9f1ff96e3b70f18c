import { SetMetadata } from '@nestjs/common';

export const ACCESS_LOGGED_KEY = 'casework:access-logged';

/** Records every successful call of this read route in the access log. */
export const AccessLogged = () => SetMetadata(ACCESS_LOGGED_KEY, true);
