-- Full-text search over chapters, tools, events and partners: the PostgreSQL twin of the SQLite
-- FTS5 migration 20261125160000_search (docs/decisions/017-search.md, 019-postgresql-twin.md).
-- Hand-written: Prisma's schema has no text search. One table, search_entry, kept up to date by
-- triggers in the same transaction as the content, whichever connection writes it.

CREATE EXTENSION IF NOT EXISTS unaccent;
-- Spelling suggestions: levenshtein_less_equal narrows the vocabulary down to near words in SQL.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- Matching: Dutch stemming and stopwords, diacritics folded first ("financiële" = "financiele").
CREATE TEXT SEARCH CONFIGURATION kapittel_dutch (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION kapittel_dutch ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, dutch_stem;
-- Spelling suggestions: whole words as written, folded, unstemmed (what a person would type).
CREATE TEXT SEARCH CONFIGURATION kapittel_words (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION kapittel_words ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;

CREATE TABLE "search_entry" (
    "kind" TEXT NOT NULL,
    "ref_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    -- Weights: title A, summary B, body D (ranked 20 : 4 : 1, as FTS5's bm25 weights).
    "document" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('kapittel_dutch'::regconfig, "title"), 'A') ||
      setweight(to_tsvector('kapittel_dutch'::regconfig, "summary"), 'B') ||
      setweight(to_tsvector('kapittel_dutch'::regconfig, "body"), 'D')
    ) STORED,
    "words" tsvector GENERATED ALWAYS AS (to_tsvector('kapittel_words'::regconfig, "title" || ' ' || "summary" || ' ' || "body")) STORED,
    CONSTRAINT "search_entry_pkey" PRIMARY KEY ("kind", "ref_id")
);
CREATE INDEX "search_entry_document_idx" ON "search_entry" USING GIN ("document");
-- Whether a page holds a word as written (spelling suggestions) is an index look-up, not a scan.
CREATE INDEX "search_entry_words_idx" ON "search_entry" USING GIN ("words");

-- The vocabulary for spelling suggestions: every word ever indexed (FTS5's fts5vocab has no twin;
-- ts_stat would parse every entry on every misspelt search). Only added to: a row lock per word
-- would make every chapter save wait on every other save sharing a word ("de", "het"), and an
-- insert of a word already there takes no lock. Words no page holds any more are dropped at query
-- time by counting their pages through search_entry_words_idx. COLLATE "C": a prefix LIKE is a
-- range of the primary key whatever the database's collation.
CREATE TABLE "search_word" (
    "word" TEXT COLLATE "C" NOT NULL,
    CONSTRAINT "search_word_pkey" PRIMARY KEY ("word")
);

CREATE FUNCTION search_entry_words() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  -- Only the words the entry did not hold before (OLD is null on INSERT); sorted, so two saves
  -- adding the same new words wait for each other in one order and never deadlock.
  INSERT INTO "search_word" ("word")
  SELECT word FROM (
    SELECT unnest(tsvector_to_array(NEW."words")) AS word
    EXCEPT
    SELECT unnest(tsvector_to_array(OLD."words"))
  ) added
  ORDER BY word
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "search_entry_words" AFTER INSERT OR UPDATE ON "search_entry" FOR EACH ROW EXECUTE FUNCTION search_entry_words();

-- Sanitized HTML (tool descriptions, event programmes) as text: sanitize-html escapes "<" in text
-- and attributes, so every "<" starts a tag; then the entities it writes are decoded.
CREATE FUNCTION search_html_text(html TEXT) RETURNS TEXT LANGUAGE SQL IMMUTABLE AS $$
  SELECT replace(replace(replace(replace(replace(replace(
    regexp_replace(coalesce(html, ''), '<[^>]*>', ' ', 'g'),
    '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')
$$;

CREATE FUNCTION search_put(kind TEXT, ref_id TEXT, title TEXT, summary TEXT, body TEXT) RETURNS VOID LANGUAGE SQL AS $$
  INSERT INTO "search_entry" ("kind", "ref_id", "title", "summary", "body")
  VALUES (kind, ref_id, coalesce(title, ''), coalesce(summary, ''), coalesce(body, ''))
  ON CONFLICT ("kind", "ref_id") DO UPDATE SET "title" = EXCLUDED."title", "summary" = EXCLUDED."summary", "body" = EXCLUDED."body"
$$;

-- Chapter (every state; permissions are checked at query time)
CREATE FUNCTION search_chapter() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "search_entry" WHERE "kind" = 'chapter' AND "ref_id" = OLD."id";
  ELSIF TG_OP = 'INSERT' OR (NEW."title", NEW."summary", NEW."bodyText") IS DISTINCT FROM (OLD."title", OLD."summary", OLD."bodyText") THEN
    PERFORM search_put('chapter', NEW."id", NEW."title", NEW."summary", NEW."bodyText");
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "search_chapter" AFTER INSERT OR UPDATE OR DELETE ON "Chapter" FOR EACH ROW EXECUTE FUNCTION search_chapter();

-- Tool (published ones only)
CREATE FUNCTION search_tool() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NOT NEW."published" THEN
    DELETE FROM "search_entry" WHERE "kind" = 'tool' AND "ref_id" = OLD."id";
  ELSIF TG_OP = 'INSERT' OR (NEW."name", NEW."summary", NEW."descriptionHtml", NEW."published") IS DISTINCT FROM (OLD."name", OLD."summary", OLD."descriptionHtml", OLD."published") THEN
    PERFORM search_put('tool', NEW."id", NEW."name", NEW."summary", search_html_text(NEW."descriptionHtml"));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "search_tool" AFTER INSERT OR UPDATE OR DELETE ON "Tool" FOR EACH ROW EXECUTE FUNCTION search_tool();

-- Event (published ones only): programme and location in the body
CREATE FUNCTION search_event() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NOT NEW."published" THEN
    DELETE FROM "search_entry" WHERE "kind" = 'event' AND "ref_id" = OLD."id";
  ELSIF TG_OP = 'INSERT' OR (NEW."title", NEW."summary", NEW."programmeHtml", NEW."location", NEW."published") IS DISTINCT FROM (OLD."title", OLD."summary", OLD."programmeHtml", OLD."location", OLD."published") THEN
    PERFORM search_put('event', NEW."id", NEW."title", NEW."summary", search_html_text(NEW."programmeHtml") || ' ' || NEW."location");
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "search_event" AFTER INSERT OR UPDATE OR DELETE ON "Event" FOR EACH ROW EXECUTE FUNCTION search_event();

-- Organisation (as a partner)
CREATE FUNCTION search_partner() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "search_entry" WHERE "kind" = 'partner' AND "ref_id" = OLD."id";
  ELSIF TG_OP = 'INSERT' OR (NEW."name", NEW."description") IS DISTINCT FROM (OLD."name", OLD."description") THEN
    PERFORM search_put('partner', NEW."id", NEW."name", '', NEW."description");
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "search_partner" AFTER INSERT OR UPDATE OR DELETE ON "Organisation" FOR EACH ROW EXECUTE FUNCTION search_partner();

-- What exists already.
SELECT search_put('chapter', "id", "title", "summary", "bodyText") FROM "Chapter";
SELECT search_put('tool', "id", "name", "summary", search_html_text("descriptionHtml")) FROM "Tool" WHERE "published";
SELECT search_put('event', "id", "title", "summary", search_html_text("programmeHtml") || ' ' || "location") FROM "Event" WHERE "published";
SELECT search_put('partner', "id", "name", '', "description") FROM "Organisation";
