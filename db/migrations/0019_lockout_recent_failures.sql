ALTER TABLE `platform_admins` ADD `recent_failures` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `platform_admins` DROP COLUMN `failed_count`;--> statement-breakpoint
ALTER TABLE `platform_admins` DROP COLUMN `first_failed_at`;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `recent_failures` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `staff_users` DROP COLUMN `failed_count`;--> statement-breakpoint
ALTER TABLE `staff_users` DROP COLUMN `first_failed_at`;--> statement-breakpoint
ALTER TABLE `portail_accounts` ADD `recent_failures` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `portail_accounts` DROP COLUMN `failed_count`;--> statement-breakpoint
ALTER TABLE `portail_accounts` DROP COLUMN `first_failed_at`;