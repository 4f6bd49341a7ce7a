CREATE TABLE `usager_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`structure_id` integer NOT NULL,
	`usager_id` integer NOT NULL,
	`statut` text NOT NULL,
	`type_dom` text NOT NULL,
	`date_debut` text,
	`date_fin` text,
	`motif` text,
	`motif_details` text,
	`orientation` text,
	`orientation_details` text,
	`created_at` integer NOT NULL,
	`user_id` integer,
	`user_name` text,
	FOREIGN KEY (`usager_id`) REFERENCES `usagers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `usager_decisions_usager_idx` ON `usager_decisions` (`usager_id`,`id`);--> statement-breakpoint
CREATE TABLE `usager_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`structure_id` integer NOT NULL,
	`usager_id` integer NOT NULL,
	`label` text NOT NULL,
	`kind` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`r2_key` text NOT NULL,
	`shared` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`created_by_id` integer,
	`created_by_name` text NOT NULL,
	FOREIGN KEY (`usager_id`) REFERENCES `usagers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `usager_documents_usager_idx` ON `usager_documents` (`usager_id`,`id`);--> statement-breakpoint
CREATE TABLE `usager_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`structure_id` integer NOT NULL,
	`usager_id` integer NOT NULL,
	`message` text NOT NULL,
	`pinned` integer DEFAULT false NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`archived_at` integer,
	`archived_by` text,
	`created_at` integer NOT NULL,
	`created_by_id` integer,
	`created_by_name` text NOT NULL,
	FOREIGN KEY (`usager_id`) REFERENCES `usagers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `usager_notes_usager_idx` ON `usager_notes` (`usager_id`,`archived`,`id`);--> statement-breakpoint
CREATE TABLE `usagers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`structure_id` integer NOT NULL,
	`ref` integer NOT NULL,
	`custom_ref` text NOT NULL,
	`civilite` text NOT NULL,
	`nom` text NOT NULL,
	`prenom` text NOT NULL,
	`surnom` text,
	`date_naissance` text NOT NULL,
	`lieu_naissance` text NOT NULL,
	`nationalite` text,
	`langue` text,
	`telephone` text,
	`email` text,
	`contact_by_phone` integer DEFAULT false NOT NULL,
	`numero_distribution` text,
	`referent_id` integer,
	`ayants_droit` text DEFAULT '[]' NOT NULL,
	`entretien` text DEFAULT '{}' NOT NULL,
	`statut` text DEFAULT 'INSTRUCTION' NOT NULL,
	`type_dom` text DEFAULT 'PREMIERE_DOM' NOT NULL,
	`etape` integer DEFAULT 1 NOT NULL,
	`rdv_at` integer,
	`rdv_user_id` integer,
	`date_premiere_dom` text,
	`decision_debut` text,
	`decision_fin` text,
	`decision_at` integer,
	`echeance` text,
	`dernier_passage` integer,
	`nb_courrier` integer DEFAULT 0 NOT NULL,
	`nb_colis` integer DEFAULT 0 NOT NULL,
	`nb_avis` integer DEFAULT 0 NOT NULL,
	`search_text` text NOT NULL,
	`search_nom` text NOT NULL,
	`search_prenom` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`structure_id`) REFERENCES `structures`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referent_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `usagers_structure_ref_uq` ON `usagers` (`structure_id`,`ref`);--> statement-breakpoint
CREATE INDEX `usagers_structure_statut_nom_idx` ON `usagers` (`structure_id`,`statut`,`search_nom`);--> statement-breakpoint
CREATE INDEX `usagers_structure_nom_idx` ON `usagers` (`structure_id`,`search_nom`);--> statement-breakpoint
CREATE INDEX `usagers_structure_prenom_idx` ON `usagers` (`structure_id`,`search_prenom`);--> statement-breakpoint
CREATE INDEX `usagers_structure_echeance_idx` ON `usagers` (`structure_id`,`statut`,`echeance`);--> statement-breakpoint
CREATE INDEX `usagers_structure_passage_idx` ON `usagers` (`structure_id`,`statut`,`dernier_passage`);--> statement-breakpoint
CREATE INDEX `usagers_structure_custom_ref_idx` ON `usagers` (`structure_id`,`custom_ref`);--> statement-breakpoint
CREATE INDEX `usagers_structure_naissance_idx` ON `usagers` (`structure_id`,`date_naissance`);--> statement-breakpoint
CREATE INDEX `usagers_referent_idx` ON `usagers` (`structure_id`,`referent_id`);--> statement-breakpoint
CREATE TABLE `write_guards` (
	`stale_write` integer NOT NULL,
	CONSTRAINT "stale_write" CHECK("write_guards"."stale_write" = 0)
);
--> statement-breakpoint
ALTER TABLE `structures` ADD `last_usager_ref` integer DEFAULT 0 NOT NULL;