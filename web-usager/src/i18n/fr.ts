/**
 * French, the reference language of Mon Ancrage: its shape is the type every other dictionary
 * must satisfy (`export const en: Dict = …`). The seed's labels are quoted word for word; the rules'
 * labels come from the shared rules (worker/rules), so the portal and the server say the same thing.
 */
import { RECEPTION_LABELS } from "../../../worker/rules/courrier";
import { formatDateFr } from "../../../worker/rules/dates";
import { USAGER_STATUT_LABELS, type UsagerStatut } from "../../../worker/rules/echeance";
import { PORTAIL_PASSWORD_RULES, type PortailPasswordRule } from "../../../worker/rules/portail-password";
import { STRUCTURE_MESSAGE_TYPES, type StructureMessageType } from "../../../worker/rules/structure-messages";
import { formatDay, formatInstantDay, formatTime } from "./format";

const ruleLabel = (key: PortailPasswordRule): string => PORTAIL_PASSWORD_RULES.find((r) => r.key === key)!.label;
const count = (n: number, label: { one: string; many: string }) => `${n} ${n > 1 ? label.many : label.one}`;

export const fr = {
  /** BCP 47 code, written to <html lang>. */
  code: "fr",
  dir: "ltr" as "ltr" | "rtl",
  /** The language's own name, shown in the language switch. */
  name: "Français",

  // Formats (dates per language; the seed writes 06/02/2023).
  date: (iso: string) => formatDateFr(iso.slice(0, 10)),
  longDate: (iso: string) => formatDay("fr-FR", iso),
  instantDate: (instant: Date) => formatInstantDay("fr-FR", instant, "2-digit"),
  time: (instant: Date) => formatTime("fr-FR", instant),

  common: {
    appName: "Mon Ancrage",
    tagline: "Ancrage facilite votre domiciliation",
    skipLink: "Aller au contenu",
    languages: "Langue",
    required: "obligatoire",
    requiredNote: "Les champs marqués d'un astérisque (*) sont obligatoires.",
    show: "Afficher",
    hide: "Masquer",
    busy: "Veuillez patienter…",
    loading: "Chargement de votre espace…",
    retry: "Réessayer",
    network: "Pas de connexion à Internet : vérifiez votre connexion puis réessayez.",
    unexpected: "Une erreur inattendue est survenue. Réessayez dans un instant.",
    footer: "Mon Ancrage — le suivi de votre courrier par votre centre de domiciliation.",
    accountMenu: "Mon compte",
    version: "Version",
    pageTitle: (page: string) => `${page} — Mon Ancrage`,
  },

  signIn: {
    title: "Connexion",
    intro: "Consultez le courrier qui vous attend dans votre centre de domiciliation.",
    login: "Votre identifiant",
    loginHint:
      "8 lettres, en majuscules ou en minuscules (exemple : ABCDEFGH). Elles figurent sur la lettre remise par votre structure. Ce n'est pas votre adresse e-mail.",
    password: "Votre mot de passe",
    shared: "Appareil partagé (ne rien garder sur ce téléphone)",
    sharedHint:
      "Cochez cette case si ce téléphone n'est pas le vôtre : rien n'y sera enregistré et vous serez déconnecté en fermant le navigateur.",
    submit: "Connexion",
    busy: "Connexion en cours…",
    loginRequired: "Saisissez votre identifiant.",
    loginFormat: "L'identifiant est composé de 8 lettres, sans chiffre ni espace.",
    passwordRequired: "Saisissez votre mot de passe.",
    forgotTitle: "Mot de passe oublié ?",
    forgotText:
      "Adressez-vous à votre structure de domiciliation : elle vous remettra un nouveau mot de passe temporaire. Vos identifiants ne sont jamais envoyés par e-mail ni par SMS.",
    signedOut: "Vous êtes déconnecté. Rien n'est gardé sur cet appareil.",
  },

  firstLogin: {
    intro: "C'est votre première connexion, veuillez choisir un nouveau mot de passe:",
    nouveau: "Nouveau mot de passe",
    confirmation: "Confirmation du mot de passe",
    rulesLabel: "Règles à respecter",
    cancel: "Annuler",
    submit: "Connexion",
    busy: "Connexion en cours…",
    mismatch: "La confirmation ne correspond pas au nouveau mot de passe.",
    confirmationRequired: "Saisissez de nouveau le mot de passe pour le confirmer.",
  },

  rules: {
    different: ruleLabel("different"),
    differentCurrent: "Est différent du mot de passe actuel",
    length: ruleLabel("length"),
    digit: ruleLabel("digit"),
    upper: ruleLabel("upper"),
    lower: ruleLabel("lower"),
    met: "règle respectée",
    unmet: "règle non respectée",
  },

  dashboard: {
    title: "Mon espace",
    hello: (prenom: string, nom: string, id: string) => `Bonjour ${prenom} ${nom.toLocaleUpperCase("fr-FR")} - ${id} !`,
    welcome: "Bienvenue dans votre espace de suivi de courrier",
    mailTitle: "Votre courrier",
    hasMail: "Vous avez du courrier !",
    collect: "Vous pouvez le récupérer dans votre centre de domiciliation",
    noMail: "Vous n'avez pas de courrier en attente.",
    noMailHint: "Revenez régulièrement : cette page est mise à jour à chaque courrier reçu.",
    courriers: (n: number) => count(n, RECEPTION_LABELS.courrierIn),
    colis: (n: number) => count(n, RECEPTION_LABELS.colisIn),
    avis: (n: number) => count(n, RECEPTION_LABELS.recommandeIn),
    pendingTitle: "Détail du courrier en attente",
    comment: "Commentaire",
    visitRule:
      "Même si vous n'avez pas de courrier, vous devez vous présenter au minimum une fois tous les trois mois au service de la domiciliation.",
    procTitle: "Transfert et procurations",
    procExpired: (name: string, date: string) => `La procuration au nom de ${name} a expiré le ${date}`,
    procActive: (name: string, date: string) => `La procuration au nom de ${name} est active et valable jusqu'au ${date}`,
    transfertActive: (date: string) => `Votre courrier est actuellement transféré, jusqu'au ${date}, à l'adresse suivante :`,
    transfertFuture: (date: string) => `À partir du ${date}, votre courrier sera transféré à l'adresse suivante :`,
    transfertExpired: (date: string) => `Attention : le transfert de courrier était valable jusqu'au ${date}`,
    nothingProc: "Vous n'avez actuellement aucune procuration ni aucun transfert.",
    domTitle: "Votre domiciliation",
    expiresSoon: (date: string) => `Attention, votre domiciliation expire le ${date}`,
    expired: (date: string) => `Votre domiciliation a expiré depuis le ${date}`,
    renewHint: "Demandez son renouvellement à votre centre de domiciliation.",
    dossierTitle: "Votre dossier",
    statut: "Statut",
    echeance: "Échéance",
    dernierPassage: "Dernier passage",
    none: "Non renseigné",
    statuts: { ...USAGER_STATUT_LABELS } as Record<UsagerStatut, string>,
    infoTitle: "Vos informations",
    name: "Nom",
    phone: "Téléphone",
    email: "E-mail",
    noPhone: "Téléphone non renseigné",
    noEmail: "E-mail non renseigné",
    infoHelp: "Pour modifier ces informations, adressez-vous à votre structure de domiciliation.",
    structureTitle: "Votre centre de domiciliation",
    offline: (date: string, time: string) => `Hors ligne — dernière mise à jour le ${date} à ${time}`,
    offlineNoData: "Vous êtes hors ligne et rien n'est enregistré sur cet appareil. Reconnectez-vous à Internet puis réessayez.",
    sharedNotice: "Appareil partagé : rien n'est gardé sur ce téléphone. Pensez à vous déconnecter à la fin.",
    changePassword: "Changer mon mot de passe",
    signOut: "Se déconnecter",
    historyLink: "Consultez le détail des interactions",
    messagesTitle: "Message(s) de votre structure",
    messageTypes: { ...STRUCTURE_MESSAGE_TYPES } as Record<StructureMessageType, string>,
    messagePeriod: (from: string, to: string | null) => (to ? `Du ${from} au ${to}` : `Depuis le ${from}`),
    documentsTitle: "Documents partagés par votre structure",
    noDocuments: "Vous n'avez aucun document disponible",
    documentAdded: (date: string) => `Ajouté le ${date}`,
    download: "Télécharger",
    fileKind: (mime: string): string =>
      mime === "application/pdf" ? "PDF" : mime === "image/png" ? "Image PNG" : mime === "image/jpeg" ? "Image JPG" : "Document Word",
  },

  history: {
    title: "Historique des interactions",
    intro: "Tout ce que votre structure a enregistré pour vous, du plus récent au plus ancien.",
    back: "Retour à mon espace",
    empty: "Aucune interaction n'est enregistrée pour le moment.",
    more: "Afficher les interactions plus anciennes",
    loadingMore: "Chargement…",
    at: (date: string, time: string) => `Le ${date} à ${time}`,
    item: (type: string, nb: number) => {
      const s = nb > 1 ? "s" : "";
      switch (type) {
        case "courrierIn":
          return `${nb} courrier${s} enregistré${s}`;
        case "colisIn":
          return `${nb} colis enregistré${s}`;
        case "recommandeIn":
          return `${nb} avis de passage enregistré${s}`;
        case "courrierOut":
          return nb > 1 ? `${nb} courriers remis` : "Courrier remis";
        case "colisOut":
          return nb > 1 ? `${nb} colis remis` : "Colis remis";
        case "recommandeOut":
          return nb > 1 ? `${nb} avis de passage remis` : "Avis de passage remis";
        case "appel":
          return "Appel téléphonique";
        default:
          return "Passage";
      }
    },
    offline: "Vous êtes hors ligne : l'historique n'est consultable qu'avec une connexion à Internet.",
  },

  password: {
    title: "Changer mon mot de passe",
    intro: "Vos autres appareils seront déconnectés.",
    current: "Mot de passe actuel",
    nouveau: "Nouveau mot de passe",
    confirmation: "Confirmation du mot de passe",
    submit: "Enregistrer le nouveau mot de passe",
    busy: "Enregistrement…",
    back: "Retour à mon espace",
    currentRequired: "Saisissez votre mot de passe actuel.",
    done: "Votre mot de passe a été modifié. Vos autres appareils ont été déconnectés.",
    offline: "Vous êtes hors ligne : le mot de passe ne peut être changé qu'avec une connexion à Internet.",
  },

  /**
   * Server messages arrive in French (`error.message`, `data.fieldErrors`): French shows them as
   * they are; other languages translate the known codes and keep the French text otherwise.
   */
  serverErrors: {} as Record<string, string>,
  passwordRuleBroken: (rule: string) => `Le mot de passe ne respecte pas la règle : ${rule.toLocaleLowerCase("fr-FR")}.`,
  commonPassword: "Ce mot de passe est trop courant : choisissez-en un autre.",
};

export type Dict = typeof fr;
