import type { Metadata } from "next";
import { refusePage } from "@/lib/page-errors";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ImportForm } from "./_components/import-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.importPage.title };
}

export default async function ImportPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  if (!can(viewer, "incident:import", { municipalityId: active.municipalityId })) return refusePage("FORBIDDEN");
  const t = (await getI18n()).m.importPage;
  return (
    <ClientMessages ns={["importForm"]}>
      <div className="page-header">
        <div>
          <h1>{t.title}</h1>
          <p className="lead">{`${active.municipalityName} · ${t.format}`}</p>
        </div>
      </div>
      <section className="card">
        <p>
          {t.help1}
          <code>{" occurred_at,area,place,category,reporter_org,description,latitude,longitude,external_id"}</code>
          {`. ${t.help2} `}<code>{t.timeFormat}</code>{` ${t.help3}`}
        </p>
        <p className="meta">
          {`${t.template} `}
          <a href="/incidents/import/template?format=xlsx" download>{t.templateXlsx}</a>
          {" · "}
          <a href="/incidents/import/template?format=csv" download>{t.templateCsv}</a>
        </p>
        <ImportForm />
      </section>
    </ClientMessages>
  );
}
