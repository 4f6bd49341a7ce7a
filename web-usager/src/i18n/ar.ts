/**
 * Arabic (right-to-left): the proof that a language is a dictionary plus `dir`.
 * Modern Standard Arabic, plain words, the respectful plural "you" (أنتم). "Domiciliation" is
 * التوطين, the word of Maghreb administrations; the structure is "مركز التوطين".
 * Written without a native speaker's review: to be proofread before it is announced.
 * Digits stay Latin (ar-u-nu-latn): the identifiant, the temporary password, the letter and the
 * phone numbers are written with them, and they are the digits of the Maghreb.
 */
import type { UsagerStatut } from "../../../worker/rules/echeance";
import { formatDay, formatInstantDay, formatTime } from "./format";
import type { Dict } from "./fr";

const LOCALE = "ar-u-nu-latn";

/**
 * Latin data (names, file IDs) inside an Arabic sentence, between Unicode isolates (FSI … PDI):
 * without them "JEAN - P-12" is reordered by the right-to-left text around it.
 */
const isolate = (latin: string) => `\u2068${latin}\u2069`;

/**
 * A file ID the person may have to read out at the desk: never cut at its hyphens (a word joiner
 * after each), or "P-" would end one right-to-left line and "12" start the next.
 */
const fileId = (id: string) => isolate(id.replace(/-/g, "-\u2060"));

/**
 * Arabic counted nouns (CLDR's categories): 1 singular + "one", 2 dual, 3–10 plural, 11–99
 * singular accusative, 100, 101, 102… singular genitive (the hundreds end with 0–2).
 */
function counted(n: number, forms: { one: string; two: string; few: string; many: string; other: string }): string {
  const rest = n % 100;
  if (n === 1) return `${forms.one} (1)`;
  if (n === 2) return `${forms.two} (2)`;
  if (rest >= 3 && rest <= 10) return `${n} ${forms.few}`;
  if (rest >= 11) return `${n} ${forms.many}`;
  return `${n} ${forms.other}`;
}

export const ar: Dict = {
  code: "ar",
  dir: "rtl",
  name: "العربية",

  date: (iso) => formatDay(LOCALE, iso),
  longDate: (iso) => formatDay(LOCALE, iso),
  instantDate: (instant) => formatInstantDay(LOCALE, instant),
  time: (instant) => formatTime(LOCALE, instant),

  common: {
    appName: "Mon Ancrage",
    tagline: "Ancrage يسهّل عليكم التوطين",
    skipLink: "الانتقال إلى المحتوى",
    languages: "اللغة",
    required: "إلزامي",
    requiredNote: "الحقول المشار إليها بنجمة (*) إلزامية.",
    show: "إظهار",
    hide: "إخفاء",
    busy: "يرجى الانتظار…",
    loading: "جارٍ تحميل مساحتكم…",
    retry: "إعادة المحاولة",
    network: "لا يوجد اتصال بالإنترنت: تحققوا من الاتصال ثم أعيدوا المحاولة.",
    unexpected: "حدث خطأ غير متوقع. أعيدوا المحاولة بعد قليل.",
    footer: "Mon Ancrage — متابعة بريدكم لدى مركز التوطين.",
    accountMenu: "حسابي",
    version: "الإصدار",
    pageTitle: (page) => `${page} — Mon Ancrage`,
  },

  signIn: {
    title: "تسجيل الدخول",
    intro: "اطّلعوا على البريد الذي ينتظركم في مركز التوطين.",
    login: "اسم المستخدم",
    loginHint:
      "8 أحرف لاتينية، كبيرة أو صغيرة (مثال: ABCDEFGH). تجدونها في الرسالة التي سلّمها لكم المركز. وهو ليس عنوان بريدكم الإلكتروني.",
    password: "كلمة المرور",
    shared: "جهاز مشترك (لن يُحفظ أي شيء على هذا الهاتف)",
    sharedHint: "ضعوا علامة في هذه الخانة إذا لم يكن هذا الهاتف لكم: لن يُحفظ عليه أي شيء، وسيتم تسجيل خروجكم عند إغلاق المتصفح.",
    submit: "تسجيل الدخول",
    busy: "جارٍ تسجيل الدخول…",
    loginRequired: "أدخلوا اسم المستخدم.",
    loginFormat: "يتكوّن اسم المستخدم من 8 أحرف، دون أرقام أو مسافات.",
    passwordRequired: "أدخلوا كلمة المرور.",
    forgotTitle: "نسيتم كلمة المرور؟",
    forgotText:
      "توجّهوا إلى مركز التوطين: سيعطيكم كلمة مرور مؤقتة جديدة. لا تُرسَل بيانات الدخول أبدًا عبر البريد الإلكتروني أو الرسائل القصيرة.",
    signedOut: "تم تسجيل خروجكم. لم يُحفظ أي شيء على هذا الجهاز.",
  },

  firstLogin: {
    intro: "هذا أول تسجيل دخول لكم، يرجى اختيار كلمة مرور جديدة:",
    nouveau: "كلمة المرور الجديدة",
    confirmation: "تأكيد كلمة المرور",
    rulesLabel: "الشروط الواجب احترامها",
    cancel: "إلغاء",
    submit: "تسجيل الدخول",
    busy: "جارٍ تسجيل الدخول…",
    mismatch: "التأكيد لا يطابق كلمة المرور الجديدة.",
    confirmationRequired: "أعيدوا كتابة كلمة المرور لتأكيدها.",
  },

  rules: {
    different: "تختلف عن كلمة المرور المؤقتة",
    differentCurrent: "تختلف عن كلمة المرور الحالية",
    length: "8 أحرف على الأقل",
    digit: "رقم واحد على الأقل",
    upper: "حرف لاتيني كبير واحد على الأقل (A–Z)",
    lower: "حرف لاتيني صغير واحد على الأقل (a–z)",
    met: "الشرط مستوفى",
    unmet: "الشرط غير مستوفى",
  },

  dashboard: {
    title: "مساحتي",
    hello: (prenom, nom, id) => `مرحبًا ${isolate(`${prenom} ${nom.toLocaleUpperCase("fr-FR")}`)} - ${fileId(id)}!`,
    welcome: "مرحبًا بكم في مساحة متابعة بريدكم",
    mailTitle: "بريدكم",
    hasMail: "لديكم بريد!",
    collect: "يمكنكم استلامه من مركز التوطين",
    noMail: "ليس لديكم بريد في الانتظار.",
    noMailHint: "عودوا بانتظام: تُحدَّث هذه الصفحة عند وصول أي بريد.",
    courriers: (n) => counted(n, { one: "رسالة واحدة", two: "رسالتان", few: "رسائل", many: "رسالة", other: "رسالة" }),
    colis: (n) => counted(n, { one: "طرد واحد", two: "طردان", few: "طرود", many: "طردًا", other: "طرد" }),
    // "Avis de passage": the postman's notice that a registered letter waits at the post office.
    avis: (n) =>
      counted(n, {
        one: "إشعار بريد مضمون واحد",
        two: "إشعارا بريد مضمون",
        few: "إشعارات بريد مضمون",
        many: "إشعارًا لبريد مضمون",
        other: "إشعار بريد مضمون",
      }),
    pendingTitle: "تفاصيل البريد الذي ينتظركم",
    comment: "ملاحظة",
    visitRule: "حتى إن لم يكن لديكم بريد، يجب أن تحضروا إلى مركز التوطين مرة واحدة على الأقل كل ثلاثة أشهر.",
    procTitle: "تحويل البريد والوكالات",
    procExpired: (name, date) => `انتهت صلاحية الوكالة باسم ${isolate(name)} في ${date}`,
    procActive: (name, date) => `الوكالة باسم ${isolate(name)} سارية حتى ${date}`,
    transfertActive: (date) => `يُحوَّل بريدكم حاليًا، حتى ${date}، إلى العنوان التالي:`,
    transfertFuture: (date) => `ابتداءً من ${date}، سيُحوَّل بريدكم إلى العنوان التالي:`,
    transfertExpired: (date) => `تنبيه: كان تحويل البريد ساريًا حتى ${date}`,
    nothingProc: "ليس لديكم حاليًا أي وكالة ولا أي تحويل للبريد.",
    domTitle: "توطينكم",
    expiresSoon: (date) => `تنبيه، ينتهي توطينكم في ${date}`,
    expired: (date) => `انتهى توطينكم بتاريخ ${date}`,
    renewHint: "اطلبوا تجديده من مركز التوطين.",
    dossierTitle: "ملفكم",
    statut: "الحالة",
    echeance: "تاريخ الانتهاء",
    dernierPassage: "آخر حضور",
    none: "غير محدد",
    statuts: {
      INSTRUCTION: "قيد الدراسة",
      ATTENTE_DECISION: "في انتظار القرار",
      VALIDE: "ساري",
      REFUS: "مرفوض",
      RADIE: "مشطوب",
    } satisfies Record<UsagerStatut, string>,
    infoTitle: "معلوماتكم",
    name: "الاسم",
    phone: "الهاتف",
    email: "البريد الإلكتروني",
    noPhone: "لا يوجد رقم هاتف",
    noEmail: "لا يوجد بريد إلكتروني",
    infoHelp: "لتعديل هذه المعلومات، توجّهوا إلى مركز التوطين.",
    structureTitle: "مركز التوطين الخاص بكم",
    offline: (date, time) => `غير متصل — آخر تحديث في ${date} الساعة ${time}`,
    offlineNoData: "أنتم غير متصلين ولا يوجد أي شيء محفوظ على هذا الجهاز. اتصلوا بالإنترنت ثم أعيدوا المحاولة.",
    sharedNotice: "جهاز مشترك: لا يُحفظ أي شيء على هذا الهاتف. لا تنسوا تسجيل الخروج في النهاية.",
    changePassword: "تغيير كلمة المرور",
    signOut: "تسجيل الخروج",
    historyLink: "الاطلاع على سجل البريد والزيارات",
    // Not رسائل: that word is the mail (letters) on this page.
    messagesTitle: "إعلانات من مركزكم",
    messageTypes: { general: "معلومة عامة", closing: "إغلاق", "opening-hours": "أوقات العمل", other: "معلومة أخرى" },
    messagePeriod: (from, to) => (to ? `من ${from} إلى ${to}` : `منذ ${from}`),
    documentsTitle: "وثائق شاركها مركزكم",
    noDocuments: "لا توجد لديكم أي وثيقة متاحة",
    documentAdded: (date) => `أضيفت في ${date}`,
    download: "تنزيل",
    fileKind: (mime) =>
      mime === "application/pdf" ? "PDF" : mime === "image/png" ? "صورة PNG" : mime === "image/jpeg" ? "صورة JPG" : "مستند Word",
  },

  history: {
    title: "سجل البريد والزيارات",
    intro: "كل ما سجّله مركزكم لكم، من الأحدث إلى الأقدم.",
    back: "العودة إلى مساحتي",
    empty: "لم يُسجَّل أي شيء حتى الآن.",
    more: "عرض ما هو أقدم",
    loadingMore: "جارٍ التحميل…",
    at: (date, time) => `في ${date} الساعة ${time}`,
    item: (type, nb) => {
      switch (type) {
        case "courrierIn":
          return `استلام رسائل: ${nb}`;
        case "colisIn":
          return `استلام طرود: ${nb}`;
        case "recommandeIn":
          return `استلام إشعارات بريد مضمون: ${nb}`;
        case "courrierOut":
          return `تسليم رسائل: ${nb}`;
        case "colisOut":
          return `تسليم طرود: ${nb}`;
        case "recommandeOut":
          return `تسليم إشعارات بريد مضمون: ${nb}`;
        case "appel":
          return "مكالمة هاتفية";
        default:
          return "زيارة";
      }
    },
    offline: "أنتم غير متصلين: لا يمكن الاطلاع على السجل إلا مع اتصال بالإنترنت.",
  },

  password: {
    title: "تغيير كلمة المرور",
    intro: "سيتم تسجيل خروج أجهزتكم الأخرى.",
    current: "كلمة المرور الحالية",
    nouveau: "كلمة المرور الجديدة",
    confirmation: "تأكيد كلمة المرور",
    submit: "حفظ كلمة المرور الجديدة",
    busy: "جارٍ الحفظ…",
    back: "العودة إلى مساحتي",
    currentRequired: "أدخلوا كلمة المرور الحالية.",
    done: "تم تغيير كلمة المرور. تم تسجيل خروج أجهزتكم الأخرى.",
    offline: "أنتم غير متصلين: لا يمكن تغيير كلمة المرور إلا مع اتصال بالإنترنت.",
  },

  serverErrors: {
    PORTAIL_LOGIN_INVALID:
      "اسم المستخدم أو كلمة المرور غير صحيحة. تحققوا من الأرقام والأحرف الكبيرة. بعد 3 محاولات فاشلة يُقفل الحساب لمدة ساعة: يمكن لمركزكم فتحه.",
    PORTAIL_FERME: "الدخول إلى البوابة غير مفتوح لملفكم. توجّهوا إلى مركز التوطين.",
    UNAUTHENTICATED: "انتهت جلستكم: يرجى تسجيل الدخول من جديد.",
    WRONG_CURRENT_PASSWORD: "كلمة المرور الحالية غير صحيحة. بعد 3 محاولات فاشلة خلال ساعة يُقفل الحساب لمدة ساعة.",
    ACCOUNT_LOCKED: "محاولات فاشلة كثيرة: الحساب مقفل لمدة ساعة. حاولوا لاحقًا.",
    SIGN_IN_BRAKED: "محاولات دخول كثيرة من هذا الاتصال: حاولوا بعد دقيقة.",
    INTERNAL: "حدث خطأ غير متوقع. لم يُحفظ شيء: حاولوا بعد قليل.",
    INVALID_INPUT: "بعض الحقول غير صالحة: تحققوا من النموذج.",
    INVALID_STATE: "هذا غير ممكن حاليًا: يرجى تسجيل الدخول من جديد.",
    CROSS_ORIGIN: "تم رفض الطلب.",
  },
  passwordRuleBroken: (rule) => `كلمة المرور لا تستوفي هذا الشرط: ${rule}.`,
  commonPassword: "كلمة المرور هذه شائعة جدًا: اختاروا غيرها.",
};
