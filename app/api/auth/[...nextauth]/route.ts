import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth's own endpoints (sign-in, sign-out, session, OIDC callback). They authenticate;
// everything they protect is checked in lib/auth.
type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: Context) {
  return (NextAuth(authOptions()) as (req: Request, context: Context) => Promise<Response>)(req, context);
}

export { handler as GET, handler as POST };
