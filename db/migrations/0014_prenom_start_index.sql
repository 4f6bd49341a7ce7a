-- A 2-letter search reads the files whose prénom starts with those letters in name order and stops
-- at the page (worker/usagers/list.ts), instead of sorting all of them ("Mo": ~1,500 files).
-- Hand-written: drizzle-kit splits an index expression at its commas. The expression must stay the
-- one of `prenomStart` (db/schema/usagers.ts) for SQLite to use the index.
CREATE INDEX `usagers_structure_prenom_start_idx` ON `usagers` (`structure_id`, substr(`search_prenom`, 1, 2), `search_nom`, `search_prenom`, `ref`, `statut`);
