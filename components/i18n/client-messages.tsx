import type { ClientNamespace } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { I18nProvider } from "./i18n-provider";

/** Sends the named catalogue namespaces, in the viewer's language, to the client components
 * inside. The layout already sends "common". */
export async function ClientMessages({ ns, children }: { ns: ClientNamespace[]; children: React.ReactNode }) {
  const { locale, m } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={Object.fromEntries(ns.map((n) => [n, m[n]]))}>
      {children}
    </I18nProvider>
  );
}
