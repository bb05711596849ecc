import "server-only";
import { notFound } from "next/navigation";
import { recordRefusal } from "@/lib/action-errors";
import { DomainError, isExpectedError } from "@/lib/errors";

/**
 * Loads what a page shows. An expected domain error – the record is in another municipality, the
 * viewer may not see it, the address names nothing – becomes "not found", and a refusal is written
 * to the access log here, in one place for every page (issue 26), as `withDomainErrors` does for
 * actions. Anything else is a bug and reaches the error boundary.
 */
export async function orNotFound<T>(load: Promise<T> | (() => Promise<T>)): Promise<T> {
  try {
    return await (typeof load === "function" ? load() : load);
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    await recordRefusal(error);
    notFound();
  }
}

/** "Not found" for a page the viewer may not open (FORBIDDEN) or whose address names nothing. */
export async function refusePage(code: "NOT_FOUND" | "FORBIDDEN" = "NOT_FOUND"): Promise<never> {
  await recordRefusal(new DomainError(code, ""));
  notFound();
}

/** For what a page can do without (a prefill from a link): nothing instead, the refusal logged. */
export async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    await recordRefusal(error);
    return null;
  }
}
