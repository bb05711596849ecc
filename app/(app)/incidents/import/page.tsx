import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { ImportForm } from "./_components/import-form";

export const metadata: Metadata = { title: "Importera händelser" };

export default async function ImportPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  if (!can(viewer, "incident:import", { municipalityId: active.municipalityId })) notFound();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Importera händelser</h1>
          <p className="lead">{active.municipalityName} · EST händelse-CSV v1</p>
        </div>
      </div>
      <section className="card">
        <p>
          CSV i UTF-8 (med eller utan BOM), kommaseparerad, med rubrikraden
          <code> occurred_at,area,place,category,reporter_org,description,latitude,longitude,external_id</code>.
          Tid som <code>ÅÅÅÅ-MM-DD TT:MM</code> (svensk tid) eller ISO 8601 med tidszon. Rader med samma
          organisation och external_id som en tidigare import uppdateras i stället för att dubbleras.
        </p>
        <ImportForm />
      </section>
    </>
  );
}
