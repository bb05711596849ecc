import { z } from "zod";

const ZUuid = z.uuid();

/** Ids come from URLs: anything that is not a UUID cannot name a row, so treat it as absent. */
export function isUuid(value: string): boolean {
  return ZUuid.safeParse(value).success;
}
