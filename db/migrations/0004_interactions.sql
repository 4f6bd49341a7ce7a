CREATE TABLE `interactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`structure_id` integer NOT NULL,
	`usager_id` integer NOT NULL,
	`type` text NOT NULL,
	`nb` integer DEFAULT 0 NOT NULL,
	`content` text,
	`created_at` integer NOT NULL,
	`user_id` integer,
	`user_name` text,
	`out_id` integer,
	`mandataire` text,
	`return_to_sender` integer DEFAULT false NOT NULL,
	`transfert` text,
	FOREIGN KEY (`usager_id`) REFERENCES `usagers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interactions_usager_idx` ON `interactions` (`usager_id`,`id`);--> statement-breakpoint
CREATE INDEX `interactions_pending_idx` ON `interactions` (`usager_id`,`type`) WHERE out_id IS NULL AND type IN ('courrierIn', 'colisIn', 'recommandeIn');--> statement-breakpoint
CREATE INDEX `interactions_out_idx` ON `interactions` (`out_id`) WHERE out_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `interactions_structure_at_idx` ON `interactions` (`structure_id`,`created_at`);