/**
 * Name pools of the large data generator: the people a big French CCAS domiciliates. Made-up
 * combinations of common names; accents, apostrophes, hyphens and particles on purpose (search).
 */

export interface Origin {
  key: string;
  /** Share of the files. */
  weight: number;
  noms: readonly string[];
  prenomsM: readonly string[];
  prenomsF: readonly string[];
  /** Birthplaces, "City:Nationality of that country" (French cities: "City:Française"). */
  lieux: readonly string[];
  /** Nationality of someone of this origin born in France, with weights. */
  nationalites: readonly (readonly [string, number])[];
  langues: readonly string[];
}

const FRENCH_CITIES = [
  "Paris", "Lyon", "Marseille", "Lille", "Roubaix", "Tourcoing", "Saint-Étienne", "Besançon", "Nîmes",
  "Orléans", "Angoulême", "Nantes", "Rennes", "Brest", "Évreux", "Châlons-en-Champagne", "Béziers",
  "Sète", "Valenciennes", "Créteil", "Saint-Denis", "Aubervilliers", "Montreuil", "Bordeaux",
  "Toulouse", "Grenoble", "Clermont-Ferrand", "Limoges", "Mâcon", "Périgueux", "Pointe-à-Pitre",
  "Fort-de-France", "Saint-Denis (La Réunion)", "Cayenne", "Mamoudzou", "Le Havre", "Amiens",
  "Dunkerque", "Metz", "Nancy", "Strasbourg", "Mulhouse", "Dijon", "Tours", "Poitiers", "Niort",
  "Caen", "Cherbourg", "Rouen", "Montbéliard", "Épinal", "Alès", "Perpignan", "Montpellier", "Nice",
  "Toulon", "Avignon", "Villeurbanne", "Vénissieux", "Vaulx-en-Velin", "Boulogne-sur-Mer",
];

export const ORIGINS: readonly Origin[] = [
  {
    key: "fr",
    weight: 52,
    noms: [
      "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
      "Simon", "Laurent", "Lefèvre", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent",
      "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François",
      "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry",
      "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez",
      "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis",
      "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier",
      "Jean", "Pérez", "Marchand", "Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet",
      "Schmitt", "Leroux", "Colin", "Fernandez", "Pierre", "Renard", "Arnaud", "Rolland", "Caron",
      "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard",
      "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis", "Olivier", "Rodriguez", "Da Silva", "Hubert",
      "Louis", "Charles", "Guillot", "Rivière", "Le Gall", "Guillaume", "Adam", "Rey", "Moulin",
      "Gonzalez", "Berger", "Lecomte", "Ménard", "Fleury", "Deschamps", "Carpentier", "Julien", "Benoît",
      "Paris", "Maillard", "Marchal", "Aubry", "Vasseur", "Le Roux", "Renault", "Jacquet", "Collet",
      "Prévost", "Poirier", "Charpentier", "Royer", "Huet", "Baron", "Dupuy", "Pons", "Paul", "Laine",
      "Carré", "Breton", "Rémy", "Schneider", "Perrot", "Guyot", "Barre", "Marty", "Cousin", "Bouvier",
      "Hoarau", "Payet", "Grondin", "Célestine", "Lebon", "Dos Santos", "Pereira", "Ferreira", "Le Bihan",
      "Kervella", "Lévêque", "Bénard", "Desbiens", "Gaudin", "Lefort", "Chéron", "Besnard", "Thébault",
      "Guégan", "Hémon", "Le Floch", "Allègre", "Bœuf", "Cœur", "Sénéchal", "Després", "Fèvre", "Mahé",
      "D'Almeida", "De Oliveira", "Saint-Martin", "Delaunay", "Pelletier", "Hervé", "Jégou", "Lenôtre",
    ],
    prenomsM: [
      "Jean", "Pierre", "Michel", "Philippe", "Alain", "Patrick", "Nicolas", "Christophe", "Laurent",
      "Stéphane", "Frédéric", "Éric", "Sébastien", "David", "Julien", "Thierry", "Olivier", "Pascal",
      "Jérôme", "Benoît", "François", "Loïc", "Noël", "Hervé", "Gérard", "Dominique", "Bruno", "Didier",
      "Guillaume", "Maxime", "Thomas", "Kévin", "Anthony", "Jérémy", "Mickaël", "Grégory", "Cédric",
      "Rémi", "Yannick", "Gaëtan", "Joël", "Raphaël", "Mathéo", "Théo", "Lucas", "Hugo", "Enzo", "Léo",
      "Nathan", "Dylan", "Jordan", "Teddy", "Ludovic", "Régis", "Gilles", "René", "André", "Jacques",
      "Bernard", "Daniel", "Serge", "Gaël", "Anaël", "Maël", "Timothée", "Aurélien", "Valère", "Loïs",
      "Jean-Pierre", "Jean-Claude", "Jean-François", "Jean-Luc", "Pierre-Yves", "Marc-Antoine", "Jean-Noël",
    ],
    prenomsF: [
      "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Christine", "Valérie",
      "Sandrine", "Céline", "Stéphanie", "Aurélie", "Émilie", "Julie", "Élodie", "Mélanie", "Virginie",
      "Hélène", "Chloé", "Zoé", "Anaïs", "Éloïse", "Gaëlle", "Noémie", "Léa", "Manon", "Camille", "Inès",
      "Océane", "Maëlle", "Clémence", "Laëtitia", "Cécile", "Agnès", "Brigitte", "Josiane", "Ginette",
      "Monique", "Danièle", "Mégane", "Jessica", "Vanessa", "Audrey", "Pauline", "Amélie", "Béatrice",
      "Geneviève", "Thérèse", "Élise", "Maïté", "Solène", "Cloé", "Anaëlle", "Héloïse", "Maéva", "Loane",
      "Marie-Hélène", "Anne-Sophie", "Marie-Claude", "Marie-Noëlle", "Anne-Laure", "Marie-Thérèse",
    ],
    lieux: FRENCH_CITIES.map((c) => `${c}:Française`),
    nationalites: [["Française", 96], ["Portugaise", 2], ["Belge", 1], ["Italienne", 1]],
    langues: ["Français"],
  },
  {
    key: "maghreb",
    weight: 19,
    noms: [
      "Benali", "Ben Ali", "Benmohamed", "Bouzid", "Boudjemaa", "Belkacem", "Benaïssa", "Hamdi", "Haddad",
      "Mansouri", "Khelifi", "Meziane", "Saïdi", "Chérif", "Amrani", "El Amrani", "El Idrissi", "Bennani",
      "Ouali", "Rahmani", "Aït Ahmed", "Aït Ouarab", "Zerrouki", "Benyahia", "Boukhari", "Lahlou",
      "Taleb", "Brahimi", "Djebbar", "Ferhat", "Guerroudj", "Hadj", "Kaci", "Larbi", "Messaoudi",
      "Naït Sidi", "Ouazzani", "Slimani", "Touati", "Yahiaoui", "Zeroual", "Abdelkader", "Belhadj",
      "Chaouch", "Dahmani", "El Fassi", "Gharbi", "Jebali", "Trabelsi", "Ben Youssef", "Mejri", "Chaâbane",
      "Aïssaoui", "Benchérif", "Belaïd", "Bouaziz", "Kaddour", "Mekki", "Nasri", "Sahraoui",
    ],
    prenomsM: [
      "Mohamed", "Mohammed", "Ahmed", "Karim", "Rachid", "Mustapha", "Youssef", "Said", "Saïd", "Farid",
      "Nordine", "Abdelkader", "Abdellah", "Hakim", "Kamel", "Nabil", "Mehdi", "Bilal", "Hamza", "Ilyes",
      "Walid", "Sofiane", "Yacine", "Ismaël", "Ayoub", "Amine", "Tarek", "Brahim", "Mourad", "Djamel",
      "Lyès", "Mounir", "Rédouane", "Anis", "Zinédine", "Abdelaziz",
    ],
    prenomsF: [
      "Fatima", "Fatiha", "Khadija", "Aïcha", "Naïma", "Malika", "Samira", "Nadia", "Leïla", "Yasmina",
      "Karima", "Souad", "Hafida", "Rachida", "Zohra", "Meriem", "Nour", "Inès", "Salma", "Sabrina",
      "Hanane", "Amel", "Sonia", "Djamila", "Farah", "Imane", "Loubna", "Wafa", "Zineb", "Chaïma",
      "Hayat", "Houria", "Lamia", "Sihem",
    ],
    lieux: [
      ...["Alger", "Oran", "Constantine", "Annaba", "Sétif", "Tizi Ouzou", "Béjaïa", "Tlemcen", "Blida"].map((c) => `${c}:Algérienne`),
      ...["Casablanca", "Rabat", "Fès", "Marrakech", "Tanger", "Oujda", "Agadir", "Meknès"].map((c) => `${c}:Marocaine`),
      ...["Tunis", "Sfax", "Sousse", "Bizerte", "Gabès", "Kairouan"].map((c) => `${c}:Tunisienne`),
    ],
    nationalites: [["Algérienne", 38], ["Marocaine", 30], ["Tunisienne", 17], ["Française", 15]],
    langues: ["Arabe", "Français", "Kabyle", "Berbère", "Arabe, français"],
  },
  {
    key: "afrique",
    weight: 14,
    noms: [
      "Diallo", "Traoré", "Koné", "Coulibaly", "Diarra", "Keïta", "Camara", "Sylla", "Touré", "Cissé",
      "Diop", "Ndiaye", "N'Diaye", "Fall", "Sow", "Ba", "Sy", "Kanté", "Konaté", "Doumbia", "Sangaré",
      "Ouattara", "Kouassi", "Kouamé", "Yao", "N'Guessan", "Bamba", "Koffi", "Mensah", "Mbemba", "Kabila",
      "Mukendi", "Tshibanda", "Ilunga", "Nkouka", "Mabiala", "Nzeza", "Mbappé", "Eto'o", "Ngono",
      "Tchatchoua", "Nguema", "Obiang", "Fofana", "Baldé", "Barry", "Bah", "Soumaré", "Dembélé", "Gueye",
      "Mbaye", "Faye", "Sakho", "Niang", "Tall", "Wade", "Ekwalla", "Abega", "Owona", "Mvondo",
    ],
    prenomsM: [
      "Mamadou", "Moussa", "Ibrahima", "Ousmane", "Abdoulaye", "Souleymane", "Boubacar", "Seydou", "Amadou",
      "Cheikh", "Modibo", "Issa", "Lamine", "Sékou", "Alassane", "Aliou", "Bakary", "Daouda", "Kofi",
      "Kouadio", "Yannick", "Christian", "Jean-Baptiste", "Serge", "Patrice", "Didier", "Landry",
      "Blaise", "Hervé", "Fabrice", "Junior", "Prince", "Dieudonné", "Emmanuel", "Désiré", "Théophile",
    ],
    prenomsF: [
      "Aminata", "Fatoumata", "Mariam", "Awa", "Kadiatou", "Aïssatou", "Oumou", "Djénéba", "Rokia",
      "Ramatoulaye", "Binta", "Hawa", "Coumba", "Adama", "Ndèye", "Khady", "Aya", "Affoué", "Adjoua",
      "Grâce", "Espérance", "Prisca", "Merveille", "Chantal", "Bénédicte", "Clarisse", "Félicité",
      "Odette", "Joséphine", "Solange", "Pélagie", "Mireille",
    ],
    lieux: [
      ...["Bamako", "Kayes", "Ségou", "Sikasso"].map((c) => `${c}:Malienne`),
      ...["Dakar", "Thiès", "Saint-Louis", "Ziguinchor"].map((c) => `${c}:Sénégalaise`),
      ...["Abidjan", "Bouaké", "Yamoussoukro"].map((c) => `${c}:Ivoirienne`),
      ...["Conakry", "Kankan", "Labé"].map((c) => `${c}:Guinéenne`),
      ...["Kinshasa", "Lubumbashi"].map((c) => `${c}:Congolaise (RDC)`),
      ...["Brazzaville", "Pointe-Noire"].map((c) => `${c}:Congolaise`),
      ...["Yaoundé", "Douala"].map((c) => `${c}:Camerounaise`),
      "Libreville:Gabonaise", "Nouakchott:Mauritanienne", "Niamey:Nigérienne", "Ouagadougou:Burkinabée",
      "Lomé:Togolaise", "Cotonou:Béninoise", "N'Djaména:Tchadienne", "Bangui:Centrafricaine",
    ],
    nationalites: [
      ["Malienne", 18], ["Sénégalaise", 14], ["Ivoirienne", 14], ["Guinéenne", 14], ["Congolaise (RDC)", 10],
      ["Congolaise", 5], ["Camerounaise", 9], ["Mauritanienne", 3], ["Burkinabée", 3], ["Française", 10],
    ],
    langues: ["Français", "Bambara", "Wolof", "Peul", "Soninké", "Lingala", "Dioula", "Malinké"],
  },
  {
    key: "est",
    weight: 9,
    noms: [
      "Popescu", "Ionescu", "Constantin", "Stoica", "Dumitru", "Stan", "Gheorghe", "Munteanu", "Rusu",
      "Lungu", "Ciobanu", "Radu", "Moldovan", "Șerban", "Năstase", "Țurcanu", "Petrov", "Ivanov",
      "Dimitrov", "Georgiev", "Stoyanov", "Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko",
      "Kovalchuk", "Melnyk", "Boyko", "Hoxha", "Krasniqi", "Berisha", "Gashi", "Shala", "Kowalski",
      "Nowak", "Wiśniewski", "Zieliński", "Horváth", "Kováč", "Novák", "Dvořák", "Lukić", "Jovanović",
      "Petrović", "Nikolić", "Babić", "Mirea", "Sârbu", "Tănase", "Cojocaru",
    ],
    prenomsM: [
      "Ion", "Vasile", "Gheorghe", "Constantin", "Florin", "Marius", "Adrian", "Mihai", "Ștefan", "Dragoș",
      "Andrei", "Bogdan", "Nicolae", "Dmytro", "Oleksandr", "Serhiy", "Volodymyr", "Ivan", "Petar",
      "Georgi", "Arben", "Besnik", "Ilir", "Piotr", "Tomasz", "Marek", "Zoltán", "Dragan", "Milan", "Goran",
    ],
    prenomsF: [
      "Maria", "Elena", "Ioana", "Mihaela", "Florentina", "Gabriela", "Andreea", "Daniela", "Alina",
      "Ana", "Oksana", "Olena", "Natalia", "Iryna", "Tetiana", "Yulia", "Svetlana", "Desislava", "Mimoza",
      "Ardita", "Agnieszka", "Katarzyna", "Zsófia", "Jelena", "Milena", "Dragana", "Ștefania", "Rodica",
    ],
    lieux: [
      ...["Bucarest", "Constanța", "Craiova", "Iași", "Cluj-Napoca", "Timișoara", "Brașov", "Baia Mare"].map((c) => `${c}:Roumaine`),
      ...["Chișinău", "Bălți"].map((c) => `${c}:Moldave`),
      ...["Sofia", "Plovdiv", "Varna"].map((c) => `${c}:Bulgare`),
      ...["Kiev", "Kharkiv", "Odessa", "Lviv"].map((c) => `${c}:Ukrainienne`),
      ...["Tirana", "Durrës"].map((c) => `${c}:Albanaise`),
      "Pristina:Kosovare", "Varsovie:Polonaise", "Cracovie:Polonaise", "Belgrade:Serbe", "Budapest:Hongroise",
      "Košice:Slovaque",
    ],
    nationalites: [
      ["Roumaine", 40], ["Bulgare", 12], ["Moldave", 10], ["Ukrainienne", 14], ["Albanaise", 9],
      ["Kosovare", 4], ["Polonaise", 3], ["Serbe", 3], ["Hongroise", 1], ["Slovaque", 1], ["Française", 3],
    ],
    langues: ["Roumain", "Romani", "Bulgare", "Ukrainien", "Russe", "Albanais", "Polonais", "Serbe"],
  },
  {
    key: "asie",
    weight: 6,
    noms: [
      "Ahmadi", "Mohammadi", "Hashimi", "Rahimi", "Karimi", "Hussaini", "Sultani", "Noori", "Safi",
      "Popal", "Stanekzai", "Wardak", "Zazai", "Shinwari", "Amiri", "Haidari", "Nazari", "Qaderi",
      "Sadat", "Yousufzai", "Rezaï", "Jafari", "Hosseini", "Tajik", "Barakzai", "Durrani", "Nabizada",
      "Rahman", "Hossain", "Islam", "Uddin", "Mahmud", "Singh", "Kaur", "Tamil", "Sivakumar", "Nguyen Van",
    ],
    prenomsM: [
      "Ahmad", "Mohammad", "Ali", "Hamid", "Javed", "Farid", "Najib", "Omid", "Rahim", "Sayed", "Zabihullah",
      "Abdul", "Ghulam", "Habib", "Jawad", "Mirwais", "Nasir", "Wahid", "Yama", "Shafiq", "Rohullah",
      "Karimullah", "Mujtaba", "Rashid", "Samiullah", "Rakib", "Arjun", "Tharshan",
    ],
    prenomsF: [
      "Fatima", "Zahra", "Maryam", "Shabnam", "Farzana", "Laila", "Nazanin", "Parwana", "Roya", "Sakina",
      "Soraya", "Malalai", "Gulalai", "Mursal", "Hasina", "Nasrin", "Shirin", "Tahmina", "Yalda", "Zarghuna",
    ],
    lieux: [
      ...["Kaboul", "Hérat", "Kandahar", "Mazâr-e Charîf", "Jalalabad", "Kunduz", "Ghazni", "Baghlân", "Khost", "Bamiyan"].map(
        (c) => `${c}:Afghane`,
      ),
      "Kaboul:Afghane", "Kaboul:Afghane", "Hérat:Afghane", "Téhéran:Iranienne", "Mechhed:Afghane",
      "Dacca:Bangladaise", "Sylhet:Bangladaise", "Jaffna:Sri-lankaise", "Colombo:Sri-lankaise", "Karachi:Pakistanaise",
    ],
    nationalites: [["Afghane", 70], ["Iranienne", 8], ["Bangladaise", 10], ["Sri-lankaise", 6], ["Pakistanaise", 6]],
    langues: ["Dari", "Pachto", "Persan", "Ourdou", "Bengali", "Tamoul", "Anglais"],
  },
];

export const SURNOMS = [
  "Le Grand", "Petit Jean", "Mimi", "Djo", "Tonton", "Bébert", "Le Breton", "Lulu", "Néné", "Zizou",
  "Le Marseillais", "Dédé", "Titi", "Fanfan", "Le Belge", "Jojo", "Nono", "Momo", "Kiki", "Doudou",
  "La Gitane", "Le Pirate", "Pépé", "Mémé", "Choupette", "Bichette", "Le Chti", "Papy", "Riton", "Loulou",
];

export const EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example.fr"];

/** Comments on received mail (sometimes). */
export const CONTENTS_IN = [
  "CAF", "Caisse d'allocations familiales", "CPAM", "Assurance maladie", "France Travail", "Impôts",
  "Préfecture", "OFII", "Tribunal judiciaire", "Banque", "La Poste", "Mutuelle", "Trésor public",
  "Lettre recommandée", "Colis volumineux", "Courrier de l'hôpital", "Pôle social", "Retraite (CARSAT)",
  "MSA", "URSSAF", "Avis d'imposition", "Convocation", "Courrier de l'avocat", "Titre de séjour",
];

export const NOTES = [
  "Attention : ne remettre le courrier qu'en main propre, sur présentation d'une pièce d'identité.",
  "Personne malentendante : privilégier l'écrit.",
  "A perdu sa pièce d'identité, rendez-vous à la préfecture prévu.",
  "Orienté vers l'assistante sociale du secteur.",
  "Passe le mardi matin en général.",
  "Ne pas communiquer d'informations par téléphone.",
  "Suivi par le Samu social.",
  "Attend un courrier important de la CAF.",
  "Prévenir l'éducateur référent en cas de courrier du tribunal.",
  "Hébergé chez sa sœur, joignable le soir.",
  "Demande d'aide alimentaire en cours.",
  "Dossier de demande de logement social déposé.",
];

export const MOTIF_DETAILS_AUTRE = [
  "Dossier incomplet malgré plusieurs relances.",
  "Domiciliation déjà active dans une autre commune.",
  "Demande faite pour le compte d'un tiers sans mandat.",
  "Personne disposant d'un logement stable sur la commune.",
];

export const RADIATION_DETAILS_AUTRE = [
  "Décès signalé par la famille.",
  "Départ à l'étranger signalé par la personne.",
  "Incarcération de longue durée signalée.",
  "Domiciliée dans une autre structure depuis.",
];

export const ORIENTATION_DETAILS = [
  "CCAS de la commune de résidence",
  "Association agréée du secteur",
  "CIAS de l'agglomération",
  "Point d'accueil de jour",
];
