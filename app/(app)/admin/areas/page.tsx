import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listAreasForAdmin } from "@/lib/areas/outlines";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { isExpectedError } from "@/lib/errors";
import { OutlineUpload } from "./_components/outline-upload";
import { uploadOutlinesAction } from "./actions";

export const metadata: Metadata = { title: "Kommundelar" };

const CLASSIFICATION = { NONE: "–", RISK: "Riskområde", UTSATT: "Utsatt område", SARSKILT_UTSATT: "Särskilt utsatt område" } as const;

export default async function AreasAdminPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const areas = await listAreasForAdmin(viewer, active.municipalityId).catch((e) => (isExpectedError(e) ? notFound() : Promise.reject(e)));
  return (
    <>
      <div className="page-header"><div><h1>Kommundelar</h1><p className="lead">{active.municipalityName}</p></div></div>
      <section className="card"><OutlineUpload action={uploadOutlinesAction} /></section>
      <div className="table-wrap" style={{ marginTop: "1rem" }}>
        <table data-testid="areas">
          <thead><tr><th scope="col">Kommundel</th><th scope="col">Kod</th><th scope="col">Invånare</th><th scope="col">Polisens klassning</th><th scope="col">Fokusområde</th><th scope="col">Avgränsning</th></tr></thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td><td>{a.code}</td><td>{a.population?.toLocaleString("sv-SE") ?? "–"}</td>
                <td>{a.classification ? CLASSIFICATION[a.classification] : "–"}</td><td>{a.isFocus ? "Ja" : "–"}</td><td>{a.hasOutline ? "Finns" : "Saknas"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
