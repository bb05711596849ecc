// Demo users, one per role. Passwords are random (or EST_DEMO_PASSWORD, for tests) and are
// printed once, when the user is created; they are never shown in the UI.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { hashPassword } from "../../lib/auth/password";
import type { SeededMunicipality } from "./municipality";
import { DEMO_USERS } from "./reference";

export type CreatedCredential = { email: string; password: string; title: string };

export async function seedUsers(db: PrismaClient, seeded: Map<string, SeededMunicipality>, fixedPassword?: string): Promise<CreatedCredential[]> {
  const created: CreatedCredential[] = [];
  for (const u of DEMO_USERS) {
    let user = await db.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (!user) {
      const password = fixedPassword ?? randomBytes(12).toString("base64url");
      user = await db.user.create({ data: { email: u.email, name: u.name, passwordHash: await hashPassword(password) }, select: { id: true } });
      created.push({ email: u.email, password, title: u.title });
    }
    for (const m of u.memberships) {
      const s = seeded.get(m.municipality)!;
      await db.membership.upsert({
        where: { userId_municipalityId: { userId: user.id, municipalityId: s.id } },
        update: {},
        create: { userId: user.id, municipalityId: s.id, organisationId: s.orgIds.get(m.organisation)!, role: m.role },
      });
    }
    for (const g of u.groups) {
      const groupId = seeded.get(g.municipality)!.groupIds.get(g.group)!;
      await db.groupMember.upsert({
        where: { groupId_userId: { groupId, userId: user.id } },
        update: {},
        create: { groupId, userId: user.id, role: g.role },
      });
    }
  }
  return created;
}
