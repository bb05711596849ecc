"use client";

import type { ComponentProps } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * A client form's fields and buttons: disabled until React owns the page, and while the form is
 * being sent. A field is server-rendered and visible before hydration, but what is typed or chosen
 * in it then never reaches React's state (React does not replay it), so the form would later send
 * the field empty or overwrite it. Every client form wraps its fields in this (a unit test checks).
 */
export function FormControls({ busy = false, ...props }: { busy?: boolean } & Omit<ComponentProps<"fieldset">, "disabled">) {
  const hydrated = useHydrated();
  return <fieldset {...props} disabled={!hydrated || busy} />;
}
