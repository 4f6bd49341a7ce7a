import { type Accessor, createContext, useContext } from "solid-js";
import { can, type Permission } from "../../worker/rules/permissions";
import type { Outputs } from "./api";

export type Me = Outputs["compte"]["me"];

export interface StaffSession {
  me: Accessor<Me>;
  /** The one permission table the server checks: the UI only hides what the server refuses anyway. */
  can(permission: Permission): boolean;
  /** After the structure's name or one's own account changed. */
  refetchMe(): void;
}

export const StaffSessionContext = createContext<StaffSession>();

export function useStaff(): StaffSession {
  const session = useContext(StaffSessionContext);
  if (!session) throw new Error("useStaff() outside of the signed-in layout");
  return session;
}

export function sessionFor(me: Accessor<Me>, refetchMe: () => void): StaffSession {
  return { me, can: (permission) => can(me().role, permission), refetchMe };
}
