import type { UsagerStatut } from "../../../worker/rules/echeance";
import { formatDay, formatInstantDay, formatTime } from "./format";
import type { Dict } from "./fr";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const en: Dict = {
  code: "en",
  dir: "ltr",
  name: "English",

  date: (iso) => formatDay("en-GB", iso),
  longDate: (iso) => formatDay("en-GB", iso),
  instantDate: (instant) => formatInstantDay("en-GB", instant),
  time: (instant) => formatTime("en-GB", instant),

  common: {
    appName: "Mon Ancrage",
    tagline: "Ancrage makes your postal address easier",
    skipLink: "Skip to content",
    languages: "Language",
    required: "required",
    requiredNote: "Fields marked with an asterisk (*) are required.",
    show: "Show",
    hide: "Hide",
    busy: "Please wait…",
    loading: "Loading your space…",
    retry: "Try again",
    network: "No Internet connection: check your connection and try again.",
    unexpected: "Something went wrong. Please try again in a moment.",
    footer: "Mon Ancrage — follow your mail at your domiciliation centre.",
    accountMenu: "My account",
    version: "Version",
    pageTitle: (page) => `${page} — Mon Ancrage`,
  },

  signIn: {
    title: "Sign in",
    intro: "See the mail waiting for you at your domiciliation centre.",
    login: "Your login",
    loginHint:
      "8 letters, upper or lower case (example: ABCDEFGH). They are on the letter your centre gave you. It is not your e-mail address.",
    password: "Your password",
    shared: "Shared device (keep nothing on this phone)",
    sharedHint: "Tick this box if this phone is not yours: nothing will be saved on it and you will be signed out when the browser closes.",
    submit: "Sign in",
    busy: "Signing in…",
    loginRequired: "Enter your login.",
    loginFormat: "The login is made of 8 letters, with no digit or space.",
    passwordRequired: "Enter your password.",
    forgotTitle: "Forgot your password?",
    forgotText:
      "Ask your domiciliation centre: they will give you a new temporary password. Your login details are never sent by e-mail or text message.",
    signedOut: "You are signed out. Nothing is kept on this device.",
  },

  firstLogin: {
    intro: "This is your first sign-in, please choose a new password:",
    nouveau: "New password",
    confirmation: "Confirm the password",
    rulesLabel: "Rules to follow",
    cancel: "Cancel",
    submit: "Sign in",
    busy: "Signing in…",
    mismatch: "The confirmation does not match the new password.",
    confirmationRequired: "Type the password again to confirm it.",
  },

  rules: {
    different: "Is different from the temporary password",
    differentCurrent: "Is different from the current password",
    length: "At least 8 characters",
    digit: "At least 1 digit",
    upper: "At least one upper-case letter",
    lower: "At least one lower-case letter",
    met: "rule met",
    unmet: "rule not met",
  },

  dashboard: {
    title: "My space",
    hello: (prenom, nom, id) => `Hello ${prenom} ${nom.toLocaleUpperCase("en-GB")} - ${id}!`,
    welcome: "Welcome to your mail tracking space",
    mailTitle: "Your mail",
    hasMail: "You have mail!",
    collect: "You can collect it at your domiciliation centre",
    noMail: "You have no mail waiting.",
    noMailHint: "Come back regularly: this page is updated whenever mail arrives.",
    courriers: (n) => plural(n, "letter", "letters"),
    colis: (n) => plural(n, "parcel", "parcels"),
    avis: (n) => plural(n, "delivery notice", "delivery notices"),
    pendingTitle: "Mail waiting, in detail",
    comment: "Comment",
    visitRule: "Even if you have no mail, you must come to the domiciliation service at least once every three months.",
    procTitle: "Forwarding and proxies",
    procExpired: (name, date) => `The proxy in the name of ${name} expired on ${date}`,
    procActive: (name, date) => `The proxy in the name of ${name} is active and valid until ${date}`,
    transfertActive: (date) => `Your mail is currently forwarded, until ${date}, to this address:`,
    transfertFuture: (date) => `From ${date}, your mail will be forwarded to this address:`,
    transfertExpired: (date) => `Note: mail forwarding was valid until ${date}`,
    nothingProc: "You currently have no proxy and no mail forwarding.",
    domTitle: "Your domiciliation",
    expiresSoon: (date) => `Warning, your domiciliation expires on ${date}`,
    expired: (date) => `Your domiciliation expired on ${date}`,
    renewHint: "Ask your domiciliation centre to renew it.",
    dossierTitle: "Your file",
    statut: "Status",
    echeance: "End date",
    dernierPassage: "Last visit",
    none: "Not provided",
    statuts: {
      INSTRUCTION: "Being processed",
      ATTENTE_DECISION: "Awaiting decision",
      VALIDE: "Active",
      REFUS: "Refused",
      RADIE: "Closed",
    } satisfies Record<UsagerStatut, string>,
    infoTitle: "Your details",
    name: "Name",
    phone: "Phone",
    email: "E-mail",
    noPhone: "No phone number",
    noEmail: "No e-mail address",
    infoHelp: "To change these details, ask your domiciliation centre.",
    structureTitle: "Your domiciliation centre",
    offline: (date, time) => `Offline — last updated on ${date} at ${time}`,
    offlineNoData: "You are offline and nothing is saved on this device. Connect to the Internet and try again.",
    sharedNotice: "Shared device: nothing is kept on this phone. Remember to sign out when you are done.",
    changePassword: "Change my password",
    signOut: "Sign out",
    historyLink: "See all your mail history",
    messagesTitle: "Message(s) from your centre",
    messageTypes: { general: "General information", closing: "Closure", "opening-hours": "Opening hours", other: "Other information" },
    messagePeriod: (from, to) => (to ? `From ${from} to ${to}` : `Since ${from}`),
    documentsTitle: "Documents shared by your centre",
    noDocuments: "You have no documents available",
    documentAdded: (date) => `Added on ${date}`,
    download: "Download",
    fileKind: (mime) =>
      mime === "application/pdf" ? "PDF" : mime === "image/png" ? "PNG image" : mime === "image/jpeg" ? "JPG image" : "Word document",
  },

  history: {
    title: "Mail and visit history",
    intro: "Everything your centre recorded for you, newest first.",
    back: "Back to my space",
    empty: "Nothing has been recorded yet.",
    more: "Show older entries",
    loadingMore: "Loading…",
    at: (date, time) => `On ${date} at ${time}`,
    item: (type, nb) => {
      switch (type) {
        case "courrierIn":
          return `${plural(nb, "letter", "letters")} received`;
        case "colisIn":
          return `${plural(nb, "parcel", "parcels")} received`;
        case "recommandeIn":
          return `${plural(nb, "delivery notice", "delivery notices")} received`;
        case "courrierOut":
          return nb > 1 ? `${nb} letters handed over` : "Letter handed over";
        case "colisOut":
          return nb > 1 ? `${nb} parcels handed over` : "Parcel handed over";
        case "recommandeOut":
          return nb > 1 ? `${nb} delivery notices handed over` : "Delivery notice handed over";
        case "appel":
          return "Phone call";
        default:
          return "Visit";
      }
    },
    offline: "You are offline: the history can only be viewed with an Internet connection.",
  },

  password: {
    title: "Change my password",
    intro: "Your other devices will be signed out.",
    current: "Current password",
    nouveau: "New password",
    confirmation: "Confirm the password",
    submit: "Save the new password",
    busy: "Saving…",
    back: "Back to my space",
    currentRequired: "Enter your current password.",
    done: "Your password has been changed. Your other devices have been signed out.",
    offline: "You are offline: the password can only be changed with an Internet connection.",
  },

  serverErrors: {
    PORTAIL_LOGIN_INVALID:
      "Wrong login or password. Check the digits and capital letters. After 3 failed attempts the account is locked for one hour: your centre can unlock it.",
    PORTAIL_FERME: "Access to the portal is not open for your file. Please ask your domiciliation centre.",
    UNAUTHENTICATED: "Your session has ended: please sign in again.",
    WRONG_CURRENT_PASSWORD: "The current password is wrong. After 3 failed attempts within an hour, the account is locked for one hour.",
    ACCOUNT_LOCKED: "Too many failed attempts: the account is locked for one hour. Please try again later.",
    SIGN_IN_BRAKED: "Too many sign-in attempts from this connection: try again in a minute.",
    INTERNAL: "Something went wrong. Nothing was saved: please try again in a moment.",
    INVALID_INPUT: "Some fields are not valid: please check the form.",
    INVALID_STATE: "This is not possible right now: please sign in again.",
    CROSS_ORIGIN: "Request refused.",
  },
  passwordRuleBroken: (rule) => `The password breaks this rule: ${rule.toLocaleLowerCase("en-GB")}.`,
  commonPassword: "This password is too common: choose another one.",
};
