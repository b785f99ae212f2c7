/** Typed errors with a stable id and a public Swedish message; the error handler maps them to pages. */
export class AppError extends Error {
  constructor(
    readonly id: string,
    readonly statusCode: number,
    publicMessage: string,
  ) {
    super(publicMessage);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Sidan finns inte') {
    super('not_found', 404, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Du har inte behörighet till den här sidan') {
    super('forbidden', 403, message);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'För många försök. Vänta en stund och försök igen.',
  ) {
    super('rate_limited', 429, message);
  }
}

export type FieldErrors = Record<string, string>;

/** Invalid input: the form is shown again with these messages next to the fields. */
export class ValidationError extends AppError {
  constructor(readonly fieldErrors: FieldErrors) {
    super('validation', 400, 'Uppgifterna behöver rättas');
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('conflict', 409, message);
  }
}
