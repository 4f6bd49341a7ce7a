CREATE TABLE `structure_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`structure_id` integer NOT NULL,
	`titre` text NOT NULL,
	`texte` text NOT NULL,
	`type` text NOT NULL,
	`date_debut` text NOT NULL,
	`date_fin` text,
	`created_at` integer NOT NULL,
	`created_by` integer NOT NULL,
	`created_by_name` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `structure_messages_structure_idx` ON `structure_messages` (`structure_id`,`date_debut`);