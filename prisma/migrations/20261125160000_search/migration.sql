-- Full-text search over chapters, tools, events and partners (docs/decisions/017-search.md).
-- Hand-written: Prisma's schema has no virtual tables. One FTS5 index, kept up to date by triggers
-- in the same transaction as the content, whichever connection writes it (Prisma, the collaboration
-- server, the chapter import). Each trigger reads only its own table's NEW/OLD row and the search
-- tables: a trigger that named another table would break Prisma's table redefinitions (DROP + RENAME).

-- Which source row each index row belongs to; its id is the index row's rowid.
CREATE TABLE "search_document" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "ref_id" TEXT NOT NULL
);
CREATE UNIQUE INDEX "search_document_kind_ref_id_key" ON "search_document"("kind", "ref_id");

-- Title, summary and body; diacritics folded ("financiële" = "financiele"), prefixes of 2 and 3
-- characters indexed for the type-ahead prefix match on the last word.
CREATE VIRTUAL TABLE "search_index" USING fts5(
    "kind" UNINDEXED,
    "ref_id" UNINDEXED,
    "title",
    "summary",
    "body",
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- The index's vocabulary (term, documents, occurrences): spelling suggestions when nothing matches.
CREATE VIRTUAL TABLE "search_vocabulary" USING fts5vocab("search_index", 'row');

-- Chapter
CREATE TRIGGER "search_chapter_insert" AFTER INSERT ON "Chapter" BEGIN
  INSERT INTO "search_document" ("kind", "ref_id") VALUES ('chapter', NEW."id");
  INSERT INTO "search_index" ("rowid", "kind", "ref_id", "title", "summary", "body")
  VALUES ((SELECT "id" FROM "search_document" WHERE "kind" = 'chapter' AND "ref_id" = NEW."id"), 'chapter', NEW."id", NEW."title", NEW."summary", NEW."bodyText");
END;

CREATE TRIGGER "search_chapter_update" AFTER UPDATE OF "title", "summary", "bodyText" ON "Chapter" BEGIN
  DELETE FROM "search_index" WHERE "rowid" = (SELECT "id" FROM "search_document" WHERE "kind" = 'chapter' AND "ref_id" = OLD."id");
  DELETE FROM "search_document" WHERE "kind" = 'chapter' AND "ref_id" = OLD."id";
  INSERT INTO "search_document" ("kind", "ref_id") SELECT 'chapter', NEW."id";
  INSERT INTO "search_index" ("rowid", "kind", "ref_id", "title", "summary", "body")
  SELECT "id", 'chapter', NEW."id", NEW."title", NEW."summary", NEW."bodyText"
  FROM "search_document" WHERE "kind" = 'chapter' AND "ref_id" = NEW."id";
END;

CREATE TRIGGER "search_chapter_delete" AFTER DELETE ON "Chapter" BEGIN
  DELETE FROM "search_index" WHERE "rowid" = (SELECT "id" FROM "search_document" WHERE "kind" = 'chapter' AND "ref_id" = OLD."id");
  DELETE FROM "search_document" WHERE "kind" = 'chapter' AND "ref_id" = OLD."id";
END;

-- Tool (published ones only)
CREATE TRIGGER "search_tool_insert" AFTER INSERT ON "Tool" WHEN NEW."published" BEGIN
  INSERT INTO "search_document" ("kind", "ref_id") VALUES ('tool', NEW."id");
  INSERT INTO "search_index" ("rowid", "kind", "ref_id", "title", "summary", "body")
  VALUES ((SELECT "id" FROM "search_document" WHERE "kind" = 'tool' AND "ref_id" = NEW."id"), 'tool', NEW."id", NEW."name", NEW."summary", (
      WITH RECURSIVE step(rest, text) AS (
        SELECT NEW."descriptionHtml", ''
        UNION ALL
        SELECT
          CASE WHEN instr(rest, '<') = 0 OR instr(substr(rest, instr(rest, '<')), '>') = 0 THEN ''
            ELSE substr(rest, instr(rest, '<') + instr(substr(rest, instr(rest, '<')), '>')) END,
          text || CASE WHEN instr(rest, '<') = 0 OR instr(substr(rest, instr(rest, '<')), '>') = 0 THEN rest
            ELSE substr(rest, 1, instr(rest, '<') - 1) || ' ' END
        FROM step WHERE rest <> ''
      )
      SELECT replace(replace(replace(replace(replace(replace(text, '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')
      FROM step WHERE rest = ''
    ));
END;

CREATE TRIGGER "search_tool_update" AFTER UPDATE OF "name", "summary", "descriptionHtml", "published" ON "Tool" BEGIN
  DELETE FROM "search_index" WHERE "rowid" = (SELECT "id" FROM "search_document" WHERE "kind" = 'tool' AND "ref_id" = OLD."id");
  DELETE FROM "search_document" WHERE "kind" = 'tool' AND "ref_id" = OLD."id";
  INSERT INTO "search_document" ("kind", "ref_id") SELECT 'tool', NEW."id" WHERE NEW."published";
  INSERT INTO "search_index" ("rowid", "kind", "ref_id", "title", "summary", "body")
  SELECT "id", 'tool', NEW."id", NEW."name", NEW."summary", (
        WITH RECURSIVE step(rest, text) AS (
          SELECT NEW."descriptionHtml", ''
          UNION ALL
          SELECT
            CASE WHEN instr(rest, '<') = 0 OR instr(substr(rest, instr(rest, '<')), '>') = 0 THEN ''
              ELSE substr(rest, instr(rest, '<') + instr(substr(rest, instr(rest, '<')), '>')) END,
            text || CASE WHEN instr(rest, '<') = 0 OR instr(substr(rest, instr(rest, '<')), '>') = 0 THEN rest
              ELSE substr(rest, 1, instr(rest, '<') - 1) || ' ' END
          FROM step WHERE rest <> ''
        )
        SELECT replace(replace(replace(replace(replace(replace(text, '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')
        FROM step WHERE rest = ''
      )
  FROM "search_document" WHERE "kind" = 'tool' AND "ref_id" = NEW."id";
END;

CREATE TRIGGER "search_tool_delete" AFTER DELETE ON "Tool" BEGIN
  DELETE FROM "search_index" WHERE "rowid" = (SELECT "id" FROM "search_document" WHERE "kind" = 'tool' AND "ref_id" = OLD."id");
  DELETE FROM "search_document" WHERE "kind" = 'tool' AND "ref_id" = OLD."id";
END;

-- Event (published ones only)
CREATE TRIGGER "search_event_insert" AFTER INSERT ON "Event" WHEN NEW."published" BEGIN
  INSERT INTO "search_document" ("kind", "ref_id") VALUES ('event', NEW."id");
  INSERT INTO "search_index" ("rowid", "kind", "ref_id", "title", "summary", "body")
  VALUES ((SELECT "id" FROM "search_document" WHERE "kind" = 'event' AND "ref_id" = NEW."id"), 'event', NEW."id", NEW."title", NEW."summary", (
      WITH RECURSIVE step(rest, text) AS (
        SELECT NEW."programmeHtml", ''
        UNION ALL
        SELECT
          CASE WHEN instr(rest, '<') = 0 OR instr(substr(rest, instr(rest, '<')), '>') = 0 THEN ''
            ELSE substr(rest, instr(rest, '<') + instr(substr(rest, instr(rest, '<')), '>')) END,
          text || CASE WHEN instr(rest, '<') = 0 OR instr(substr(rest, instr(rest, '<')), '>') = 0 THEN rest
            ELSE substr(rest, 1, instr(rest, '<') - 1) || ' ' END
        FROM step WHERE rest <> ''
      )
      SELECT replace(replace(replace(replace(replace(replace(text, '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')
      FROM step WHERE rest = ''
    ) || ' ' || NEW."location");
END;

CREATE TRIGGER "search_event_update" AFTER UPDATE OF "title", "summary", "programmeHtml", "location", "published" ON "Event" BEGIN
  DELETE FROM "search_index" WHERE "rowid" = (SELECT "id" FROM "search_document" WHERE "kind" = 'event' AND "ref_id" = OLD."id");
  DELETE FROM "search_document" WHERE "kind" = 'event' AND "ref_id" = OLD."id";
  INSERT INTO "search_document" ("kind", "ref_id") SELECT 'event', NEW."id" WHERE NEW."published";
  INSERT INTO "search_index" ("rowid", "kind", "ref_id", "title", "summary", "body")
  SELECT "id", 'event', NEW."id", NEW."title", NEW."summary", (
        WITH RECURSIVE step(rest, text) AS (
          SELECT NEW."programmeHtml", ''
          UNION ALL
          SELECT
            CASE WHEN instr(rest, '<') = 0 OR instr(substr(rest, instr(rest, '<')), '>') = 0 THEN ''
              ELSE substr(rest, instr(rest, '<') + instr(substr(rest, instr(rest, '<')), '>')) END,
            text || CASE WHEN instr(rest, '<') = 0 OR instr(substr(rest, instr(rest, '<')), '>') = 0 THEN rest
              ELSE substr(rest, 1, instr(rest, '<') - 1) || ' ' END
          FROM step WHERE rest <> ''
        )
        SELECT replace(replace(replace(replace(replace(replace(text, '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')
        FROM step WHERE rest = ''
      ) || ' ' || NEW."location"
  FROM "search_document" WHERE "kind" = 'event' AND "ref_id" = NEW."id";
END;

CREATE TRIGGER "search_event_delete" AFTER DELETE ON "Event" BEGIN
  DELETE FROM "search_index" WHERE "rowid" = (SELECT "id" FROM "search_document" WHERE "kind" = 'event' AND "ref_id" = OLD."id");
  DELETE FROM "search_document" WHERE "kind" = 'event' AND "ref_id" = OLD."id";
END;

-- Organisation
CREATE TRIGGER "search_partner_insert" AFTER INSERT ON "Organisation" BEGIN
  INSERT INTO "search_document" ("kind", "ref_id") VALUES ('partner', NEW."id");
  INSERT INTO "search_index" ("rowid", "kind", "ref_id", "title", "summary", "body")
  VALUES ((SELECT "id" FROM "search_document" WHERE "kind" = 'partner' AND "ref_id" = NEW."id"), 'partner', NEW."id", NEW."name", '', NEW."description");
END;

CREATE TRIGGER "search_partner_update" AFTER UPDATE OF "name", "description" ON "Organisation" BEGIN
  DELETE FROM "search_index" WHERE "rowid" = (SELECT "id" FROM "search_document" WHERE "kind" = 'partner' AND "ref_id" = OLD."id");
  DELETE FROM "search_document" WHERE "kind" = 'partner' AND "ref_id" = OLD."id";
  INSERT INTO "search_document" ("kind", "ref_id") SELECT 'partner', NEW."id";
  INSERT INTO "search_index" ("rowid", "kind", "ref_id", "title", "summary", "body")
  SELECT "id", 'partner', NEW."id", NEW."name", '', NEW."description"
  FROM "search_document" WHERE "kind" = 'partner' AND "ref_id" = NEW."id";
END;

CREATE TRIGGER "search_partner_delete" AFTER DELETE ON "Organisation" BEGIN
  DELETE FROM "search_index" WHERE "rowid" = (SELECT "id" FROM "search_document" WHERE "kind" = 'partner' AND "ref_id" = OLD."id");
  DELETE FROM "search_document" WHERE "kind" = 'partner' AND "ref_id" = OLD."id";
END;

-- Backfill what exists already.
INSERT INTO "search_document" ("kind", "ref_id") SELECT 'chapter', "id" FROM "Chapter" ORDER BY "createdAt";
INSERT INTO "search_index" ("rowid", "kind", "ref_id", "title", "summary", "body")
SELECT d."id", 'chapter', "Chapter"."id", "Chapter"."title", "Chapter"."summary", "Chapter"."bodyText"
FROM "Chapter" JOIN "search_document" d ON d."kind" = 'chapter' AND d."ref_id" = "Chapter"."id";
INSERT INTO "search_document" ("kind", "ref_id") SELECT 'tool', "id" FROM "Tool" WHERE "Tool"."published" ORDER BY "createdAt";
INSERT INTO "search_index" ("rowid", "kind", "ref_id", "title", "summary", "body")
SELECT d."id", 'tool', "Tool"."id", "Tool"."name", "Tool"."summary", (
      WITH RECURSIVE step(rest, text) AS (
        SELECT "Tool"."descriptionHtml", ''
        UNION ALL
        SELECT
          CASE WHEN instr(rest, '<') = 0 OR instr(substr(rest, instr(rest, '<')), '>') = 0 THEN ''
            ELSE substr(rest, instr(rest, '<') + instr(substr(rest, instr(rest, '<')), '>')) END,
          text || CASE WHEN instr(rest, '<') = 0 OR instr(substr(rest, instr(rest, '<')), '>') = 0 THEN rest
            ELSE substr(rest, 1, instr(rest, '<') - 1) || ' ' END
        FROM step WHERE rest <> ''
      )
      SELECT replace(replace(replace(replace(replace(replace(text, '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')
      FROM step WHERE rest = ''
    )
FROM "Tool" JOIN "search_document" d ON d."kind" = 'tool' AND d."ref_id" = "Tool"."id";
INSERT INTO "search_document" ("kind", "ref_id") SELECT 'event', "id" FROM "Event" WHERE "Event"."published" ORDER BY "createdAt";
INSERT INTO "search_index" ("rowid", "kind", "ref_id", "title", "summary", "body")
SELECT d."id", 'event', "Event"."id", "Event"."title", "Event"."summary", (
      WITH RECURSIVE step(rest, text) AS (
        SELECT "Event"."programmeHtml", ''
        UNION ALL
        SELECT
          CASE WHEN instr(rest, '<') = 0 OR instr(substr(rest, instr(rest, '<')), '>') = 0 THEN ''
            ELSE substr(rest, instr(rest, '<') + instr(substr(rest, instr(rest, '<')), '>')) END,
          text || CASE WHEN instr(rest, '<') = 0 OR instr(substr(rest, instr(rest, '<')), '>') = 0 THEN rest
            ELSE substr(rest, 1, instr(rest, '<') - 1) || ' ' END
        FROM step WHERE rest <> ''
      )
      SELECT replace(replace(replace(replace(replace(replace(text, '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')
      FROM step WHERE rest = ''
    ) || ' ' || "Event"."location"
FROM "Event" JOIN "search_document" d ON d."kind" = 'event' AND d."ref_id" = "Event"."id";
INSERT INTO "search_document" ("kind", "ref_id") SELECT 'partner', "id" FROM "Organisation" ORDER BY "createdAt";
INSERT INTO "search_index" ("rowid", "kind", "ref_id", "title", "summary", "body")
SELECT d."id", 'partner', "Organisation"."id", "Organisation"."name", '', "Organisation"."description"
FROM "Organisation" JOIN "search_document" d ON d."kind" = 'partner' AND d."ref_id" = "Organisation"."id";
