DROP INDEX `usagers_structure_statut_nom_idx`;--> statement-breakpoint
DROP INDEX `usagers_structure_nom_idx`;--> statement-breakpoint
CREATE INDEX `usagers_structure_statut_nom_idx` ON `usagers` (`structure_id`,`statut`,`search_nom`,`search_prenom`,`ref`);--> statement-breakpoint
CREATE INDEX `usagers_structure_nom_idx` ON `usagers` (`structure_id`,`search_nom`,`search_prenom`,`ref`);--> statement-breakpoint
-- Fresh statistics so SQLite starts a search from the trigram matches (D1 recommends it after new indexes).
PRAGMA optimize;
