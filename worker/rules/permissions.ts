import { ROLES, type Role } from "./roles";

const ALL: readonly Role[] = ROLES;
const INSTRUCTEUR_AND_UP: readonly Role[] = ["simple", "responsable", "admin"];
const GESTIONNAIRE_AND_UP: readonly Role[] = ["responsable", "admin"];
const ADMIN: readonly Role[] = ["admin"];

/**
 * THE permission table (reference B.2). The server checks it in the procedure middleware,
 * the staff UI reads it to hide what a role cannot do. Nothing else decides who may do what.
 */
export const PERMISSIONS = {
  /** Own account: see it, change one's own password. */
  "compte.self": ALL,
  /** Structure statistics page and the structure's public information. */
  "structure.read": ALL,
  "structure.edit": ADMIN,
  "structure.settings": ADMIN,
  "portail.settings": ADMIN,
  /** Minimal list of active colleagues (id, name), e.g. to pick a référent. */
  "equipe.minimal": ALL,
  /** Full list of members with e-mail, role and status. */
  "equipe.list": GESTIONNAIRE_AND_UP,
  /** Invite, change role, block, delete staff accounts. */
  "equipe.manage": ADMIN,
  "journal.read": ADMIN,
  "export.data": GESTIONNAIRE_AND_UP,
  "usager.instruct": INSTRUCTEUR_AND_UP,
  "usager.decide": GESTIONNAIRE_AND_UP,
  "usager.radiate": INSTRUCTEUR_AND_UP,
  "usager.delete": GESTIONNAIRE_AND_UP,
  "usager.read": ALL,
  /** The file's phone, e-mail and SMS consent: every role, as in the reference (B.2, note on the file). */
  "usager.contact": ALL,
  "note.add": ALL,
  "note.manage": INSTRUCTEUR_AND_UP,
  "courrier.register": ALL,
  "document.manage": INSTRUCTEUR_AND_UP,
  /** Generated letters (attestation, radiation): everyone but the facteur, like the Cerfa. */
  "usager.letters": ["agent", "simple", "responsable", "admin"],
  "portail.resetCredentials": ["agent", "simple", "responsable", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
