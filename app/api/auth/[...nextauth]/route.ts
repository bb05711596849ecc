import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { SIGN_IN_THROTTLED } from "@/lib/auth/sign-in-errors";

// next-auth's own endpoints (sign-in, sign-out, session, OIDC callback). They authenticate;
// everything they protect is checked in lib/auth.
type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: Context) {
  const res = await (NextAuth(authOptions()) as (req: Request, context: Context) => Promise<Response>)(req, context);
  // A sign-in refused because its address is past the limit answers 429, as HTTP clients expect
  // (next-auth itself answers 401 for every refused sign-in).
  if (res.status === 401 && (await res.clone().text()).includes(`error=${SIGN_IN_THROTTLED}`)) {
    return new Response(res.body, { status: 429, headers: res.headers });
  }
  return res;
}

export { handler as GET, handler as POST };
