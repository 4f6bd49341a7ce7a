/**
 * The longest text each field accepts, in characters. The server's schemas refuse anything longer
 * and the forms stop the typing there, so both read this one table.
 */
export const FIELD_MAX = {
  // A domicilié's file; the mandataires of the mail desk are named like the domicilié.
  nom: 200,
  prenom: 200,
  surnom: 400,
  lieuNaissance: 100,
  nationalite: 100,
  langue: 100,
  /** A French mobile number written with spaces, dots or dashes, or with +33. */
  telephone: 20,
  /** The longest address a mail server accepts. */
  email: 254,
  numeroDistribution: 50,
  customRef: 50,
  motifDetails: 1000,
  orientationDetails: 1000,
  entretienReponse: 1000,
  entretienCommentaires: 2000,
  entretienDetail: 1000,
  note: 1000,
  documentLabel: 100,
  recherche: 100,
  // Mail
  commentaireCourrier: 1000,
  transfertNom: 200,
  transfertAdresse: 400,
  // Staff accounts and the structure
  staffNom: 100,
  staffPrenom: 100,
  fonctionDetail: 100,
  structureNom: 400,
  adresse: 1000,
  complementAdresse: 1000,
  codePostal: 5,
  ville: 200,
  responsableNom: 100,
  responsablePrenom: 100,
  responsableFonction: 100,
  agrement: 200,
  // Mon Ancrage's messages
  messageTitre: 200,
  messageTexte: 10_000,
} as const;
export type FieldName = keyof typeof FIELD_MAX;
