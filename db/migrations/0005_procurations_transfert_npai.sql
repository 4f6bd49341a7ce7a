CREATE TABLE `procurations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`structure_id` integer NOT NULL,
	`usager_id` integer NOT NULL,
	`nom` text NOT NULL,
	`prenom` text NOT NULL,
	`date_naissance` text NOT NULL,
	`date_debut` text NOT NULL,
	`date_fin` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`usager_id`) REFERENCES `usagers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `procurations_usager_idx` ON `procurations` (`usager_id`);--> statement-breakpoint
ALTER TABLE `usagers` ADD `transfert_nom` text;--> statement-breakpoint
ALTER TABLE `usagers` ADD `transfert_adresse` text;--> statement-breakpoint
ALTER TABLE `usagers` ADD `transfert_debut` text;--> statement-breakpoint
ALTER TABLE `usagers` ADD `transfert_fin` text;--> statement-breakpoint
ALTER TABLE `usagers` ADD `npai_depuis` text;