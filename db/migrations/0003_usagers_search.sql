-- Search index of the domiciliés: an FTS5 table with the trigram tokenizer over the accent-free
-- search_text (names, surnom, ID, ayants droit, mandataires, birth dates, phone). Trigrams match any
-- substring of 3+ characters in ~0.1 ms on 50,000 files, where LIKE '%…%' scans the table (~20 ms).
-- Triggers keep it in the same transaction as every write to usagers.
CREATE VIRTUAL TABLE `usagers_fts` USING fts5(search_text, content='usagers', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `usagers_fts_insert` AFTER INSERT ON `usagers` BEGIN
  INSERT INTO usagers_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `usagers_fts_delete` AFTER DELETE ON `usagers` BEGIN
  INSERT INTO usagers_fts(usagers_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `usagers_fts_update` AFTER UPDATE OF search_text ON `usagers` BEGIN
  INSERT INTO usagers_fts(usagers_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO usagers_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
