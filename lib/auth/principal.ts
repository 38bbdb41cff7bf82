import type { Role } from "./permissions";

/** Who is acting, as re-read from the database on this request. */
export type StaffPrincipal = {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
};
