import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { recordAudit } from "@/lib/audit/mutations";
import { isExpectedError } from "@/lib/errors";
import { BodyTooLarge, capStream } from "@/lib/http/body";
import { isSameOrigin } from "@/lib/http/same-origin";
import { importIncidentsCsv } from "@/lib/incidents/import/run";
import { logger } from "@/lib/logger";

const MAX_BYTES = 50 * 1024 * 1024;

// Upload of an "EST händelse-CSV v1" file. Answers with NDJSON: progress lines while it
// validates (and saves), then one line with the report, so the page can show a progress bar.
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return new Response("Förbjuden begäran.", { status: 403 });
  const viewer = await getViewer();
  if (!viewer) return new Response("Inloggning krävs.", { status: 401 });
  const active = await getActiveMembership(viewer);
  if (!can(viewer, "incident:import", { municipalityId: active.municipalityId })) {
    await recordAudit({ userId: viewer.userId, municipalityId: active.municipalityId, action: "incident:import", outcome: "DENIED" });
    return new Response("Du har inte behörighet att importera händelser.", { status: 403 });
  }
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BYTES) return new Response("Filen är större än 50 MB.", { status: 413 });
  if (!request.body) return new Response("Ingen fil skickades.", { status: 400 });
  const url = new URL(request.url);
  const commit = url.searchParams.get("mode") === "commit";
  const skipInvalid = url.searchParams.get("skipInvalid") === "1";

  const encoder = new TextEncoder();
  // Counted as it arrives: a chunked upload without Content-Length stops at the cap too.
  const body = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>).pipe(capStream(MAX_BYTES));
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(JSON.stringify(value) + "\n"));
      try {
        const report = await importIncidentsCsv(body, active.municipalitySlug, {
          dryRun: !commit,
          skipInvalid,
          actorId: viewer.userId,
          onProgress: (p) => send({ type: "progress", ...p }),
        });
        send({ type: "report", report: { ...report, errors: report.errors.slice(0, 200), warnings: report.warnings.slice(0, 200) } });
      } catch (error) {
        // A refusal is the user's to read; anything else is a bug, logged for whoever runs the app.
        if (!(error instanceof BodyTooLarge) && !isExpectedError(error)) logger.error({ err: (error as Error).message, userId: viewer.userId }, "incident import failed");
        const message = error instanceof BodyTooLarge ? "Filen är större än 50 MB. Inget sparades." : isExpectedError(error) ? error.message : "Importen misslyckades. Inget sparades.";
        send({ type: "error", message });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
