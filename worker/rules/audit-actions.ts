/** Audit action codes and their French labels (shown in the staff "Journal"). */
export const AUDIT_ACTION_LABELS = {
  STAFF_LOGIN: "Connexion",
  STAFF_LOGIN_FAILED: "Échec de connexion",
  STAFF_LOCKED: "Compte bloqué après trop d'échecs",
  STAFF_LOGOUT: "Déconnexion",
  STAFF_PASSWORD_CHANGED: "Mot de passe modifié",
  STAFF_INVITED: "Invitation d'un membre",
  STAFF_INVITATION_RENEWED: "Nouveau lien d'invitation",
  STAFF_INVITATION_ACCEPTED: "Invitation acceptée",
  STAFF_ROLE_CHANGED: "Changement de rôle",
  STAFF_BLOCKED: "Compte bloqué par un administrateur",
  STAFF_UNBLOCKED: "Compte débloqué",
  STAFF_DELETED: "Compte supprimé",
  STAFF_PASSWORD_RESET: "Mot de passe réinitialisé",
  STRUCTURE_REGISTERED: "Inscription de la structure",
  STRUCTURE_UPDATED: "Informations de la structure modifiées",
  STRUCTURE_OPTIONS_UPDATED: "Paramètres de la structure modifiés",
  STRUCTURE_VALIDATED: "Structure validée",
  STRUCTURE_REFUSED: "Structure refusée",
  PLATFORM_LOGIN: "Connexion plateforme",
  PLATFORM_LOGIN_FAILED: "Échec de connexion plateforme",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
