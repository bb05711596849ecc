// The product's one time zone, in a module of its own so that code which only formats dates
// (in the browser too) does not load the time-zone arithmetic in zone.ts.
export const TZ = "Europe/Stockholm";
