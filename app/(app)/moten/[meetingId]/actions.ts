"use server";

import { minutesDocument } from "@/lib/documents/catalogue";
import { archiveAfterApproval } from "@/lib/documents/pdf";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import {
  addAgendaItem, addDecision, approveMinutes, cancelMeeting, moveAgendaItem, moveMeeting, removeAgendaItem, removeDecision, resetAgenda, saveMinutes, sendMinutes,
} from "@/lib/meetings/mutations";
import { ZAgendaAdd, ZAgendaItemRef, ZAgendaMove, ZDecision, ZMeetingCancel, ZMeetingMove, ZMeetingRef, ZMinutes } from "@/lib/meetings/schema";

const ZDecisionRef = z.object({ meetingId: z.uuid(), decisionId: z.uuid() }).strict();
const ZMeetingOnly = z.object({ meetingId: z.uuid() }).strict();
const refresh = (meetingId: string) => revalidatePath(`/moten/${meetingId}`);

export async function moveMeetingAction(input: unknown): Promise<ActionResult<{ overlaps: string[] }>> {
  const viewer = await requireViewer();
  const parsed = ZMeetingMove.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => moveMeeting(viewer, parsed.data));
  refresh(parsed.data.meetingId);
  return result;
}

export async function cancelMeetingAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZMeetingCancel.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await cancelMeeting(viewer, parsed.data)));
  refresh(parsed.data.meetingId);
  return result;
}

export async function addAgendaItemAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZAgendaAdd.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await addAgendaItem(viewer, parsed.data)));
  refresh(parsed.data.meetingId);
  return result;
}

export async function removeAgendaItemAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZAgendaItemRef.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await removeAgendaItem(viewer, parsed.data)));
  refresh(parsed.data.meetingId);
  return result;
}

export async function moveAgendaItemAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZAgendaMove.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await moveAgendaItem(viewer, parsed.data)));
  refresh(parsed.data.meetingId);
  return result;
}

export async function resetAgendaAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZMeetingOnly.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await resetAgenda(viewer, parsed.data.meetingId)));
  refresh(parsed.data.meetingId);
  return result;
}

export async function saveMinutesAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const viewer = await requireViewer();
  const parsed = ZMinutes.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => saveMinutes(viewer, parsed.data));
  refresh(parsed.data.meetingId);
  return result;
}

export async function addDecisionAction(input: unknown): Promise<ActionResult<{ decisionId: string; measureId: string | null }>> {
  const viewer = await requireViewer();
  const parsed = ZDecision.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => addDecision(viewer, parsed.data));
  refresh(parsed.data.meetingId);
  return result;
}

export async function removeDecisionAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZDecisionRef.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await removeDecision(viewer, parsed.data)));
  refresh(parsed.data.meetingId);
  return result;
}

export async function sendMinutesAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZMeetingRef.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await sendMinutes(viewer, parsed.data)));
  refresh(parsed.data.meetingId);
  return result;
}

export async function approveMinutesAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZMeetingRef.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await approveMinutes(viewer, parsed.data)));
  // The approved minutes go to the archive as they are now; the page then shows the hash.
  if (result.ok) await archiveAfterApproval((await minutesDocument(viewer, parsed.data.meetingId)).doc, viewer);
  refresh(parsed.data.meetingId);
  return result;
}
