import "server-only";
import { getTertialHead } from "@/lib/analysis/tertial";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { getLagesbildHead } from "@/lib/lagesbild/queries";
import { getLawDocumentHead } from "@/lib/law/document";
import { getActiveMembership } from "@/lib/auth/tenant";
import { can } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { getGroupForViewer } from "@/lib/groups/queries";
import { getMeetingHead } from "@/lib/meetings/queries";
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

/** `href` defaults to the page's path + "/pdf" (the route beside the page). */
async function withArchive(doc: PdfDocument, href = `${doc.path}/pdf`): Promise<DocumentPdf> {
  const archived = doc.archive ? await findArchivedPdf(doc.municipalityId, doc.archive.kind, doc.archive.documentId, doc.archive.version) : null;
  return { doc, href, archived };
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

/** The law 2023:196 document of a period, the version asked for or else the latest. */
export async function lawDocument(viewer: Viewer, period: string, version?: number): Promise<DocumentPdf> {
  const active = await getActiveMembership(viewer);
  const doc = await getLawDocumentHead(viewer, active.municipalityId, period, version);
  const { m, f } = await getI18n();
  const title = `${active.municipalityName} · ${fill(m.law.title, { period: f.period(period) })}, ${fill(m.documents.version, { version: doc.version })}`;
  const status = doc.status === "APPROVED" && doc.approvedAt ? fill(m.documents.adopted, { date: f.date(doc.approvedAt), name: doc.approvedBy ?? "" }) : await draftStatus();
  const query = version === undefined ? "" : `?version=${version}`;
  return withArchive({
    municipalityId: active.municipalityId,
    path: `/lag/${period}${query}`,
    filename: `lagesbild-och-atgardsplan-${period}-v${doc.version}.pdf`,
    header: [title, status],
    archive: doc.status === "APPROVED" && doc.id ? { kind: "law", documentId: doc.id, version: doc.version } : undefined,
  }, `/lag/${period}/pdf${query}`);
}

/** The month report: a live report, never archived; printed as it stands. */
export async function monthReportDocument(viewer: Viewer, month: string): Promise<DocumentPdf> {
  const active = await getActiveMembership(viewer);
  if (!can(viewer, "tertial:view", { municipalityId: active.municipalityId })) throw new DomainError("NOT_FOUND", "Rapporten finns inte, eller så har du inte behörighet att se den.");
  const { m, f } = await getI18n();
  return withArchive({
    municipalityId: active.municipalityId,
    path: `/reports/month/${month}`,
    filename: `manadsrapport-${month}.pdf`,
    header: [`${active.municipalityName} · ${fill(m.monthReport.title, { month: f.period(month) })}`, fill(m.documents.printed, { time: f.dateTime(new Date()) })],
  });
}

/** A Fördjupning group's quarterly pack: live figures, never archived. */
export async function quarterPackDocument(viewer: Viewer, groupId: string, quarter: string): Promise<DocumentPdf> {
  const group = await getGroupForViewer(viewer, groupId);
  const { m, f } = await getI18n();
  return withArchive({
    municipalityId: group.municipalityId,
    path: `/groups/${groupId}/kvartal/${quarter}`,
    filename: `kvartalsunderlag-${quarter}.pdf`,
    header: [`${group.municipality.name} · ${group.name} · ${fill(m.quarter.title, { period: f.period(quarter) })}`, fill(m.documents.printed, { time: f.dateTime(new Date()) })],
  });
}

/** A meeting's agenda and minutes; approved minutes are archived as approved. */
export async function minutesDocument(viewer: Viewer, meetingId: string): Promise<DocumentPdf> {
  const meeting = await getMeetingHead(viewer, meetingId);
  const { m, f } = await getI18n();
  const approved = meeting.minutesStatus === "APPROVED" && meeting.approvedAt;
  return withArchive({
    municipalityId: meeting.municipalityId,
    path: `/moten/${meeting.id}`,
    filename: `protokoll-${meeting.groupName.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}-${f.date(meeting.startsAt)}.pdf`,
    header: [`${meeting.municipalityName} · ${meeting.groupName} ${f.meetingTime(meeting.startsAt)}`, approved ? fill(m.documents.minutesApproved, { date: f.date(meeting.approvedAt!), name: meeting.approvedBy ?? "" }) : await draftStatus()],
    archive: approved ? { kind: "minutes", documentId: meeting.id, version: meeting.version } : undefined,
  });
}
