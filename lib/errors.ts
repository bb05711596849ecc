// Expected failures carry a code the UI can turn into a message; anything else is a bug.
export type DomainErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "UNAUTHENTICATED";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function isExpectedError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
