CREATE TABLE `usager_counts` (
	`structure_id` integer NOT NULL,
	`statut` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`structure_id`, `statut`),
	FOREIGN KEY (`structure_id`) REFERENCES `structures`(`id`) ON UPDATE no action ON DELETE no action
);
