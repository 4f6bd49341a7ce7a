-- The search index's rowid becomes (structure_id << 35) | (statut code << 32) | id, the statut code
-- being its rank in USAGER_STATUTS (worker/rules/echeance.ts; worker/usagers/search-index.ts writes
-- the same key). A search is then scoped to its structure, and counted per statut, by ranges of
-- rowids in the index alone, instead of reading each file found: "mar" finds 3,600 files of 50,000.
-- Contentless (no copy of search_text; rows deleted by rowid): its text lives in usagers.search_text.
DROP TRIGGER `usagers_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `usagers_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `usagers_fts_update`;
--> statement-breakpoint
DROP TABLE `usagers_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `usagers_fts` USING fts5(search_text, content='', contentless_delete=1, tokenize='trigram');
--> statement-breakpoint
INSERT INTO usagers_fts(rowid, search_text)
  SELECT (structure_id << 35) | ((CASE statut WHEN 'INSTRUCTION' THEN 0 WHEN 'ATTENTE_DECISION' THEN 1 WHEN 'VALIDE' THEN 2 WHEN 'REFUS' THEN 3 ELSE 4 END) << 32) | id, search_text
  FROM usagers;
--> statement-breakpoint
CREATE TRIGGER `usagers_fts_insert` AFTER INSERT ON `usagers` BEGIN
  INSERT INTO usagers_fts(rowid, search_text) VALUES (
    (new.structure_id << 35) | ((CASE new.statut WHEN 'INSTRUCTION' THEN 0 WHEN 'ATTENTE_DECISION' THEN 1 WHEN 'VALIDE' THEN 2 WHEN 'REFUS' THEN 3 ELSE 4 END) << 32) | new.id,
    new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `usagers_fts_delete` AFTER DELETE ON `usagers` BEGIN
  DELETE FROM usagers_fts WHERE rowid =
    (old.structure_id << 35) | ((CASE old.statut WHEN 'INSTRUCTION' THEN 0 WHEN 'ATTENTE_DECISION' THEN 1 WHEN 'VALIDE' THEN 2 WHEN 'REFUS' THEN 3 ELSE 4 END) << 32) | old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `usagers_fts_update` AFTER UPDATE OF search_text, statut, structure_id ON `usagers` BEGIN
  DELETE FROM usagers_fts WHERE rowid =
    (old.structure_id << 35) | ((CASE old.statut WHEN 'INSTRUCTION' THEN 0 WHEN 'ATTENTE_DECISION' THEN 1 WHEN 'VALIDE' THEN 2 WHEN 'REFUS' THEN 3 ELSE 4 END) << 32) | old.id;
  INSERT INTO usagers_fts(rowid, search_text) VALUES (
    (new.structure_id << 35) | ((CASE new.statut WHEN 'INSTRUCTION' THEN 0 WHEN 'ATTENTE_DECISION' THEN 1 WHEN 'VALIDE' THEN 2 WHEN 'REFUS' THEN 3 ELSE 4 END) << 32) | new.id,
    new.search_text);
END;
