/**
 * Nightly upkeep of the domiciliés' search index (migration 0003). FTS5 writes a new segment for
 * every change and merges them only now and then, and a search reads every segment: merged into
 * one, a birth-date search on 50,000 files reads its trigrams in 1.3 ms instead of 2, a phone
 * number in 0.05 ms instead of 0.6 (local workerd). It rewrites the index: a few hundred ms for
 * 50,000 files, once a night in the Worker's cron; the large-data generator does the same.
 */
export const OPTIMIZE_SEARCH_INDEX = "INSERT INTO usagers_fts(usagers_fts) VALUES('optimize')";
