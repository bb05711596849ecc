import "server-only";
import { headers } from "next/headers";
import { recordRefusal } from "@/lib/action-errors";
import { getViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { isExpectedError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { storedOnce, type DocumentKind } from "./archive";
import { PdfUnavailable, renderPdf } from "./render-pdf";

/** What a document's PDF route hands over once the viewer's access to it is settled. */
export type PdfDocument = {
  municipalityId: string;
  /** The page that is printed. */
  path: string;
  filename: string;
  /** The running header: document and municipality left, status right. */
  header: [string, string];
  /** An approved or published document: made once, stored with its hash, then served as stored. */
  archive?: { kind: DocumentKind; documentId: string; version: number };
};

type Archivable = PdfDocument & Required<Pick<PdfDocument, "archive">>;

function archived(doc: Archivable, cookie: string, userId: string) {
  return storedOnce({ municipalityId: doc.municipalityId, ...doc.archive }, () => renderPdf({ path: doc.path, cookie, header: doc.header }), userId);
}

/**
 * Archives a document right after its approval or publication, as the person who approved it.
 * The approval stands whether or not this succeeds: a PDF not made now is made, once, at the
 * first download.
 */
export async function archiveAfterApproval(doc: PdfDocument, viewer: Viewer): Promise<void> {
  if (!doc.archive) return;
  try {
    await archived({ ...doc, archive: doc.archive }, (await headers()).get("cookie") ?? "", viewer.userId);
  } catch (error) {
    logger.warn({ err: error, document: doc.archive }, "pdf: not archived at approval; it is made at the first download");
  }
}

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * A document's PDF route: the viewer's access is settled by `load` – the same query the page
 * makes, so a document the page would not show answers 404 here too, and the refusal is logged.
 */
export async function pdfResponse(request: Request, load: (viewer: Viewer) => Promise<PdfDocument>): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return text("Inloggning krävs.", 401);
  let doc: PdfDocument;
  try {
    doc = await load(viewer);
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    await recordRefusal(error);
    return text("Dokumentet finns inte.", 404);
  }
  const cookie = request.headers.get("cookie") ?? "";
  try {
    const { pdf, sha256: hash } = doc.archive
      ? await archived({ ...doc, archive: doc.archive }, cookie, viewer.userId)
      : { pdf: await renderPdf({ path: doc.path, cookie, header: doc.header }), sha256: null };
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${doc.filename}"`,
        "Cache-Control": "private, no-store",
        ...(hash ? { "X-Document-SHA256": hash } : {}),
      },
    });
  } catch (error) {
    if (error instanceof PdfUnavailable) return text(`${error.message} Skriv ut sidan från webbläsaren så länge.`, 503);
    logger.error({ err: error, path: doc.path }, "pdf: render failed");
    return text("PDF:en kunde inte skapas. Försök igen, eller skriv ut sidan från webbläsaren. Felet är loggat.", 500);
  }
}
