import type { ActionResult } from "@/lib/action-result";

/** Sends a file as a POST's body to a route of lib/http/file-upload.ts and reads its answer. An
 * answer that is not one (a proxy's error page) comes back as a failure without a message, for
 * the form to say that the upload failed. */
export async function postFile<T>(url: string, file: File): Promise<ActionResult<T>> {
  try {
    const response = await fetch(url, { method: "POST", body: file, headers: { "Content-Type": file.type || "application/octet-stream" } });
    return (await response.json()) as ActionResult<T>;
  } catch {
    return { ok: false };
  }
}
