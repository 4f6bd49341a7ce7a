DROP INDEX `usagers_structure_nom_idx`;--> statement-breakpoint
DROP INDEX `usagers_structure_prenom_idx`;--> statement-breakpoint
CREATE INDEX `usagers_id_statut_idx` ON `usagers` (`id`,`structure_id`,`statut`);--> statement-breakpoint
CREATE INDEX `usagers_structure_nom_idx` ON `usagers` (`structure_id`,`search_nom`,`search_prenom`,`ref`,`statut`);--> statement-breakpoint
CREATE INDEX `usagers_structure_prenom_idx` ON `usagers` (`structure_id`,`search_prenom`,`search_nom`,`ref`,`statut`);