import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// Public by nature: this is where staff sign in and out. Options are built per request so that configuration is
// read at run time, never frozen in at build time.
type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
