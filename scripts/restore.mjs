/**
 * `npm run restore -- --from <backup dir> [--persist-to <dir>] [--force]`: replays a backup of
 * scripts/backup.mjs into a local state directory (default .wrangler/state), then checks it.
 *
 *   1. every file is checked against the SHA-256 of manifest.json before anything is written;
 *   2. the target must be empty, or --force wipes its D1 and R2 first (stop `wrangler dev`);
 *   3. d1.sql goes through `wrangler d1 execute --local --file` (one batch: all or nothing); it
 *      carries d1_migrations, so `wrangler d1 migrations apply` knows what is applied;
 *   4. the objects go back into R2 with their metadata;
 *   5. rows per table and the R2 objects (key, size, MD5) are compared with the backup.
 * Exits with code 1 and says what differs when anything does.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_PERSIST, fail, localBindings, parseCli, Refusal, sha256, wrangler } from "./backup.mjs";

function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new Refusal(`${what} illisible ou absent (${file}) : ce dossier n'est pas une sauvegarde Ancrage complète.`);
  }
}

/** The backup as the manifest describes it, or the list of what was changed or lost. */
function readBackup(from) {
  const manifest = readJson(join(from, "manifest.json"), "manifest.json");
  const files = manifest.files ?? {};
  const problems = ["d1.sql", "r2-objects.json"].filter((f) => !(f in files)).map((f) => `${f} : absent du manifeste`);
  for (const [file, expected] of Object.entries(files)) {
    const path = join(from, file);
    if (!existsSync(path)) problems.push(`${file} : fichier manquant`);
    else if (sha256(readFileSync(path)) !== expected) problems.push(`${file} : contenu modifié (SHA-256 différent du manifeste)`);
  }
  const objects = problems.length === 0 ? readJson(join(from, "r2-objects.json"), "r2-objects.json") : [];
  for (const o of objects) if (!(o.file in files)) problems.push(`${o.file} : objet R2 absent du manifeste`);
  if (problems.length > 0) throw new Refusal(`Sauvegarde altérée ou incomplète, rien n'a été restauré :\n  - ${problems.join("\n  - ")}`);
  return { manifest, objects };
}

/** A fresh target, or --force: the old D1 and R2 go (anything else in the directory stays). */
function prepareTarget(persistTo, force) {
  if (!existsSync(persistTo) || readdirSync(persistTo).length === 0) return;
  if (!force)
    throw new Refusal(
      `Le dossier cible ${persistTo} n'est pas vide : restaurez dans un dossier neuf, ou ajoutez --force pour remplacer sa base D1 et ses fichiers R2.`,
    );
  for (const dir of ["d1", "r2"]) rmSync(join(persistTo, "v3", dir), { recursive: true, force: true });
}

/** Every row count and every object of the restored state that differs from the backup. */
async function differences(env, manifest, objects) {
  const found = [];
  const tables = Object.keys(manifest.tables);
  const counts = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT count(*) AS n FROM "${t.replaceAll('"', '""')}"`)));
  tables.forEach((t, i) => {
    const n = counts[i].results[0].n;
    if (n !== manifest.tables[t])
      found.push(`table ${t} : ${n} lignes restaurées, ${manifest.tables[t]} attendues (nombre de lignes différent)`);
  });
  const stored = new Map();
  let cursor;
  do {
    const page = await env.FILES.list({ cursor });
    for (const o of page.objects) stored.set(o.key, o);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  for (const o of objects) {
    const got = stored.get(o.key);
    if (!got) found.push(`objet R2 ${o.key} : absent après restauration`);
    else if (got.size !== o.size || Buffer.from(got.checksums.md5).toString("hex") !== o.md5)
      found.push(`objet R2 ${o.key} : contenu différent`);
  }
  const expected = new Set(objects.map((o) => o.key));
  for (const key of stored.keys()) if (!expected.has(key)) found.push(`objet R2 ${key} : inconnu de la sauvegarde`);
  return found;
}

async function main() {
  const args = parseCli({ from: { type: "string" }, "persist-to": { type: "string" }, force: { type: "boolean" } });
  if (!args.from) throw new Refusal("Indiquez la sauvegarde à restaurer : --from <dossier>.");
  const from = resolve(args.from);
  const persistTo = resolve(args["persist-to"] ?? DEFAULT_PERSIST);
  const { manifest, objects } = readBackup(from);
  prepareTarget(persistTo, args.force);

  await wrangler(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--file", join(from, "d1.sql")]);
  const proxy = await localBindings(persistTo);
  let found;
  try {
    for (const o of objects) {
      // A plain Uint8Array: the proxy rebuilds a view by its class name, and workerd has no Buffer.
      await proxy.env.FILES.put(o.key, new Uint8Array(readFileSync(join(from, o.file))), {
        httpMetadata: o.httpMetadata,
        customMetadata: o.customMetadata,
      });
    }
    found = await differences(proxy.env, manifest, objects);
  } finally {
    await proxy.dispose();
  }
  if (found.length > 0) {
    throw new Refusal(
      `Restauration non conforme à la sauvegarde (${persistTo} est à supprimer ou à restaurer de nouveau avec --force) :\n  - ${found.join("\n  - ")}`,
    );
  }
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(
    `✔ Sauvegarde du ${manifest.createdAt} restaurée dans ${persistTo} : ${Object.keys(manifest.tables).length} tables, ${rows} lignes, ${objects.length} objets R2, tout est conforme au manifeste.`,
  );
}

main().catch(fail);
