import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import { listAreasForAdmin } from "@/lib/areas/outlines";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { OutlineUpload } from "./_components/outline-upload";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.areasTitle };
}

export default async function AreasAdminPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const { m: { admin: t, law, common }, f } = await getI18n();
  const areas = await orNotFound(listAreasForAdmin(viewer, active.municipalityId));
  return (
    <ClientMessages ns={["adminForms"]}>
      <div className="page-header"><div><h1>{t.areasTitle}</h1><p className="lead">{active.municipalityName}</p></div></div>
      <section className="card"><OutlineUpload /></section>
      <div className="table-wrap" style={{ marginTop: "1rem" }}>
        <table data-testid="areas">
          <thead><tr><th scope="col">{t.area}</th><th scope="col">{t.code}</th><th scope="col">{t.population}</th><th scope="col">{law.classification}</th><th scope="col">{t.focus}</th><th scope="col">{t.outline}</th></tr></thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td><td>{a.code}</td><td>{a.population !== null && a.population !== undefined ? f.number(a.population, 0) : "–"}</td>
                <td>{a.classification ? law.classifications[a.classification] : "–"}</td><td>{a.isFocus ? common.yes : "–"}</td><td>{a.approximateOutline ? t.approximateOutline : a.hasOutline ? t.hasOutline : t.noOutline}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ClientMessages>
  );
}
