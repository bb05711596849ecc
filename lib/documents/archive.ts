import "server-only";
import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";

// The archive of approved and published documents (ADR 020): each version's PDF, made once,
// kept with its SHA-256 and served unchanged.
export type DocumentKind = "lagesbild" | "tertial" | "law" | "minutes";

export type ArchivedPdf = { sha256: string; createdAt: Date };

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The archived PDF of a document version, if it has been made – for the page to show its hash. */
export async function findArchivedPdf(municipalityId: string, kind: DocumentKind, documentId: string, version: number): Promise<ArchivedPdf | null> {
  return db().documentArchive.findUnique({
    where: { municipalityId_kind_documentId_version: { municipalityId, kind, documentId, version } },
    select: { sha256: true, createdAt: true },
  });
}

/**
 * The stored PDF of an approved document, made now if it is not yet stored. Two requests that
 * race both render, the first insert wins and both serve the winner's bytes: the document has one
 * PDF, whatever is edited later.
 */
export async function storedOnce(
  key: { municipalityId: string; kind: DocumentKind; documentId: string; version: number },
  render: () => Promise<Uint8Array>,
  userId: string,
): Promise<{ pdf: Uint8Array; sha256: string }> {
  const where = { municipalityId_kind_documentId_version: key };
  const stored = await db().documentArchive.findUnique({ where, select: { pdf: true, sha256: true } });
  if (stored) return stored;
  // A render that fails stores nothing: the row is written whole, after the PDF exists.
  const pdf = new Uint8Array(await render());
  const hash = sha256(pdf);
  const created = await db().documentArchive.createMany({ data: [{ ...key, pdf, sha256: hash, createdById: userId }], skipDuplicates: true });
  if (created.count === 1) {
    await recordAudit({ userId, municipalityId: key.municipalityId, action: "document:archive", entityType: key.kind, entityId: key.documentId, details: { version: key.version, sha256: hash } });
  }
  return db().documentArchive.findUniqueOrThrow({ where, select: { pdf: true, sha256: true } });
}

