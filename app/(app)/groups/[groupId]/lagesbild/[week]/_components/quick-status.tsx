import { ActionButton } from "@/components/ui/action-button";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { statusAction } from "@/app/(app)/atgarder/[id]/actions";

type Control = { version: number; hasVerdict: boolean; canUpdate: boolean } | undefined;

/** "What happened with last week's decisions": started or done in one press each. Done without
 * an effect verdict is recorded as "Bedöms senare" – the verdict is given on the action's page. */
export async function QuickStatus({ measure, control }: { measure: { id: string; title: string; status: string }; control: Control }) {
  if (!control?.canUpdate) return null;
  const { m: { lagesbild: m } } = await getI18n();
  const input = (status: "ONGOING" | "DONE") => ({ measureId: measure.id, version: control.version, status, verdict: status === "DONE" && !control.hasVerdict ? "LATER" : "" });
  return (
    <span className="toolbar">
      {measure.status === "PLANNED" ? (
        <ActionButton className="btn btn-secondary btn-small" action={statusAction} input={input("ONGOING")} label={m.markStarted} ariaLabel={fill(m.markStartedFor, { title: measure.title })} />
      ) : null}
      <ActionButton className="btn btn-secondary btn-small" action={statusAction} input={input("DONE")} label={m.markDone} ariaLabel={fill(m.markDoneFor, { title: measure.title })} />
    </span>
  );
}
