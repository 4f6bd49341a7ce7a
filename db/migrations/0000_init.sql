CREATE TABLE `structures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nom` text NOT NULL,
	`type` text NOT NULL,
	`adresse` text NOT NULL,
	`complement_adresse` text,
	`code_postal` text NOT NULL,
	`ville` text NOT NULL,
	`departement` text NOT NULL,
	`time_zone` text DEFAULT 'Europe/Paris' NOT NULL,
	`telephone` text NOT NULL,
	`email` text NOT NULL,
	`responsable_nom` text NOT NULL,
	`responsable_prenom` text NOT NULL,
	`responsable_fonction` text NOT NULL,
	`capacite` integer NOT NULL,
	`agrement` text,
	`siret` text,
	`courrier_adresse` text,
	`courrier_code_postal` text,
	`courrier_ville` text,
	`statut` text DEFAULT 'EN_ATTENTE' NOT NULL,
	`statut_motif` text,
	`statut_at` integer,
	`option_nom_structure` integer DEFAULT true NOT NULL,
	`option_numero_boite` integer DEFAULT true NOT NULL,
	`option_surnom` integer DEFAULT false NOT NULL,
	`portail_enabled` integer DEFAULT false NOT NULL,
	`portail_login_updates_dernier_passage` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `structures_statut_idx` ON `structures` (`statut`);--> statement-breakpoint
CREATE TABLE `platform_admins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`nom` text NOT NULL,
	`password_hash` text NOT NULL,
	`failed_count` integer DEFAULT 0 NOT NULL,
	`first_failed_at` integer,
	`locked_until` integer,
	`last_login_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `platform_admins_email_uq` ON `platform_admins` (`email`);--> statement-breakpoint
CREATE TABLE `staff_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_tokens_user_idx` ON `staff_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`structure_id` integer NOT NULL,
	`email` text NOT NULL,
	`nom` text NOT NULL,
	`prenom` text NOT NULL,
	`fonction` text NOT NULL,
	`fonction_detail` text,
	`role` text NOT NULL,
	`status` text DEFAULT 'PENDING' NOT NULL,
	`password_hash` text,
	`password_updated_at` integer,
	`last_login_at` integer,
	`failed_count` integer DEFAULT 0 NOT NULL,
	`first_failed_at` integer,
	`locked_until` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`structure_id`) REFERENCES `structures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_email_uq` ON `staff_users` (`email`) WHERE status != 'DELETED';--> statement-breakpoint
CREATE INDEX `staff_users_structure_idx` ON `staff_users` (`structure_id`,`status`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer NOT NULL,
	`structure_id` integer,
	`created_at` integer NOT NULL,
	`last_active_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`kind`,`user_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`structure_id` integer,
	`actor_kind` text NOT NULL,
	`actor_id` integer,
	`actor_name` text,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`details` text,
	`ip` text
);
--> statement-breakpoint
CREATE INDEX `audit_structure_at_idx` ON `audit_log` (`structure_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_target_idx` ON `audit_log` (`target_type`,`target_id`);