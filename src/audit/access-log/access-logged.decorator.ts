import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const ACCESS_LOGGED_KEY = 'casework:access-logged';

/** Records every successful call of this read route in the access log, with its purpose. */
export const AccessLogged = () =>
  applyDecorators(
    SetMetadata(ACCESS_LOGGED_KEY, true),
    ApiHeader({
      name: 'X-Purpose',
      required: false,
      description: "Why the case is read: an id from the `accessPurposes` settings list (e.g. `safeguarding`, `subject-access-request`); the role's default when absent. Anything else is 400.",
      example: 'safeguarding',
    }),
  );
