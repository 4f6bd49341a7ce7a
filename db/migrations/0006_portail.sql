CREATE TABLE `portail_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`structure_id` integer NOT NULL,
	`usager_id` integer NOT NULL,
	`login` text NOT NULL,
	`password_hash` text NOT NULL,
	`password_type` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`failed_count` integer DEFAULT 0 NOT NULL,
	`first_failed_at` integer,
	`locked_until` integer,
	`last_login_at` integer,
	`password_updated_at` integer NOT NULL,
	`letter_r2_key` text,
	`letter_expires_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`usager_id`) REFERENCES `usagers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portail_accounts_login_uq` ON `portail_accounts` (`login`);--> statement-breakpoint
CREATE UNIQUE INDEX `portail_accounts_usager_uq` ON `portail_accounts` (`usager_id`);--> statement-breakpoint
CREATE INDEX `portail_accounts_structure_idx` ON `portail_accounts` (`structure_id`);--> statement-breakpoint
CREATE INDEX `portail_accounts_letter_idx` ON `portail_accounts` (`letter_expires_at`);--> statement-breakpoint
CREATE TABLE `portail_logins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`structure_id` integer NOT NULL,
	`usager_id` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`usager_id`) REFERENCES `usagers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `portail_logins_usager_idx` ON `portail_logins` (`usager_id`,`at`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `shared` integer DEFAULT false NOT NULL;