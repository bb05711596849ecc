import "server-only";
import { db } from "@/lib/db";

/** Whether the database answers a trivial query. */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
