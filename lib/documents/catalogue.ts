import "server-only";
import { getTertialHead } from "@/lib/analysis/tertial";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { getLagesbildHead } from "@/lib/lagesbild/queries";
import { findArchivedPdf, type ArchivedPdf } from "./archive";
import type { PdfDocument } from "./pdf";

/**
 * Each document that has a PDF: its page, its running header and, once approved or published,
 * the version that is archived. Every function settles the viewer's access with the same query
 * as the document's page, so the PDF route and the page refuse alike.
 */
export type DocumentPdf = { doc: PdfDocument; href: string; archived: ArchivedPdf | null };

async function municipalityName(id: string): Promise<string> {
  return (await db().municipality.findUniqueOrThrow({ where: { id }, select: { name: true } })).name;
}

async function withArchive(doc: PdfDocument): Promise<DocumentPdf> {
  const archived = doc.archive ? await findArchivedPdf(doc.municipalityId, doc.archive.kind, doc.archive.documentId, doc.archive.version) : null;
  return { doc, href: `${doc.path}/pdf`, archived };
}

async function draftStatus(): Promise<string> {
  const { m, f } = await getI18n();
  return fill(m.documents.draftPrinted, { time: f.dateTime(new Date()) });
}

export async function lagesbildDocument(viewer: Viewer, groupId: string, week: string): Promise<DocumentPdf> {
  const head = await getLagesbildHead(viewer, groupId, week);
  const { m, f } = await getI18n();
  const title = `${await municipalityName(head.group.municipalityId)} · ${head.group.name} · ${fill(m.lagesbild.title, { week: f.period(week) })}`;
  const status = head.published && head.publishedAt
    ? fill(m.documents.published, { date: f.date(head.publishedAt), name: head.publishedBy ?? "" })
    : await draftStatus();
  return withArchive({
    municipalityId: head.group.municipalityId,
    path: `/groups/${groupId}/lagesbild/${week}`,
    filename: `lagesbild-${week}.pdf`,
    header: [title, status],
    archive: head.published && head.id ? { kind: "lagesbild", documentId: head.id, version: head.version } : undefined,
  });
}

export async function tertialDocument(viewer: Viewer, tertial: string): Promise<DocumentPdf> {
  const head = await getTertialHead(viewer, tertial);
  const { m, f } = await getI18n();
  const title = `${head.municipalityName} · ${fill(m.tertial.title, { period: f.period(tertial) })}`;
  const status = head.status === "APPROVED" && head.approvedAt
    ? fill(m.documents.approved, { date: f.date(head.approvedAt), name: head.approvedBy ?? "" })
    : head.status === "IN_REVIEW" ? `${m.documents.inReview} · ${await draftStatus()}` : await draftStatus();
  return withArchive({
    municipalityId: head.municipalityId,
    path: `/tertial/${tertial}`,
    filename: `tertialanalys-${tertial}.pdf`,
    header: [title, status],
    archive: head.status === "APPROVED" && head.id ? { kind: "tertial", documentId: head.id, version: head.version } : undefined,
  });
}
