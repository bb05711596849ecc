import type { DocumentPdf } from "@/lib/documents/catalogue";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";

/**
 * "Ladda ner PDF" for a document's toolbar: a plain link. The route answers with the file as an
 * attachment, or – when it cannot be made – with a page that says why (no `download` attribute,
 * which would save that message as a broken .pdf).
 */
export async function PdfLink({ pdf }: { pdf: DocumentPdf }) {
  const { m } = await getI18n();
  return <a className="btn btn-secondary" href={pdf.href} data-testid="pdf-link">{m.documents.downloadPdf}</a>;
}

/** Under an approved or published document's title: the archived PDF's hash, which the registry can check. */
export async function ArchiveNote({ pdf }: { pdf: DocumentPdf }) {
  if (!pdf.doc.archive) return null;
  const { m, f } = await getI18n();
  return (
    <p className="meta archive-note no-print" data-testid="archive-note">
      {pdf.archived ? fill(m.documents.archived, { date: f.dateTime(pdf.archived.createdAt), hash: pdf.archived.sha256 }) : m.documents.notArchived}
    </p>
  );
}
