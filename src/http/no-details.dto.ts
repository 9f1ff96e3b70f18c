/**
 * The body of a command that needs no details: nothing, or `{}`. As a DTO it goes through the validation
 * pipe, which refuses any other body (an array, `null`, a field).
 */
export class NoDetailsDto {}
