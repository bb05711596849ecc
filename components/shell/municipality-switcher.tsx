"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useHydrated } from "@/components/ui/use-hydrated";

type Option = { slug: string; name: string };

// Shown only to users who work in several municipalities (e.g. the local police).
export function MunicipalitySwitcher(props: { options: Option[]; active: string; label: string; onSwitch: (slug: string) => Promise<unknown> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // A choice made before hydration would be shown but never acted on.
  const hydrated = useHydrated();
  if (props.options.length < 2) return <span>{props.options[0]?.name}</span>;
  return (
    <label>
      <span className="visually-hidden">{props.label}</span>
      <select
        value={props.active}
        disabled={!hydrated || pending}
        onChange={(e) => {
          const slug = e.target.value;
          startTransition(async () => {
            await props.onSwitch(slug);
            router.refresh();
          });
        }}
      >
        {[...props.options].sort((a, b) => a.name.localeCompare(b.name, "sv")).map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
