// The error next-auth passes to the sign-in form when an address is past its sign-in limit (the
// route answers 429 with it). Apart from credentials.ts so that the form can read it.
export const SIGN_IN_THROTTLED = "TooManyAttempts";
