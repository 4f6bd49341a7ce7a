-- usager_counts (0016) follows every write to usagers, in the same transaction: a file created,
-- deleted, or moved to another statut (or structure). An UPDATE that leaves both as they were
-- changes nothing. Then the counts of the files already there.
CREATE TRIGGER `usager_counts_insert` AFTER INSERT ON `usagers` BEGIN
  INSERT INTO usager_counts (structure_id, statut, n) VALUES (new.structure_id, new.statut, 1)
    ON CONFLICT (structure_id, statut) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `usager_counts_delete` AFTER DELETE ON `usagers` BEGIN
  UPDATE usager_counts SET n = n - 1 WHERE structure_id = old.structure_id AND statut = old.statut;
END;
--> statement-breakpoint
CREATE TRIGGER `usager_counts_update` AFTER UPDATE OF statut, structure_id ON `usagers`
  WHEN old.statut IS NOT new.statut OR old.structure_id IS NOT new.structure_id BEGIN
  UPDATE usager_counts SET n = n - 1 WHERE structure_id = old.structure_id AND statut = old.statut;
  INSERT INTO usager_counts (structure_id, statut, n) VALUES (new.structure_id, new.statut, 1)
    ON CONFLICT (structure_id, statut) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
INSERT INTO usager_counts (structure_id, statut, n)
  SELECT structure_id, statut, count(*) FROM usagers GROUP BY structure_id, statut;
