/**
 * The only domain errors. Use cases throw these; the tRPC layer maps them once to
 * error codes (NOT_FOUND, FORBIDDEN, CONFLICT, BAD_REQUEST).
 */
export class DomainError extends Error {}

export class NotFound extends DomainError {
  constructor(message = 'Not found.') {
    super(message);
    this.name = 'NotFound';
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'You do not have access to this.') {
    super(message);
    this.name = 'Forbidden';
  }
}

export class Conflict extends DomainError {
  constructor(
    message: string,
    /** Extra detail for the caller, e.g. the id of the existing record. */
    readonly detail: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'Conflict';
  }
}

/** Bad input for one field: the message is shown next to that field. */
export class Invalid extends DomainError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'Invalid';
  }
}

/** Nobody is signed in (or the session has ended). */
export class Unauthenticated extends DomainError {
  constructor(message = 'Sign in to continue.') {
    super(message);
    this.name = 'Unauthenticated';
  }
}

/** Too many calls of one kind in a short time: the message says how long to wait. */
export class TooMany extends DomainError {
  constructor(message: string) {
    super(message);
    this.name = 'TooMany';
  }
}
