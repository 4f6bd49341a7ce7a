DROP INDEX `usagers_referent_idx`;--> statement-breakpoint
CREATE INDEX `usagers_structure_decision_fin_idx` ON `usagers` (`structure_id`,`statut`,`decision_fin`);--> statement-breakpoint
CREATE INDEX `usagers_structure_rdv_idx` ON `usagers` (`structure_id`,`statut`,`rdv_at`);--> statement-breakpoint
CREATE INDEX `usagers_courrier_idx` ON `usagers` (`structure_id`,`statut`) WHERE nb_courrier + nb_colis + nb_avis > 0;--> statement-breakpoint
CREATE INDEX `usagers_referent_idx` ON `usagers` (`structure_id`,`referent_id`,`statut`);