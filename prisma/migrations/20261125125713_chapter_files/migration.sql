-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Book" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT NOT NULL DEFAULT '',
    "blurb" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'nl',
    "publisher" TEXT NOT NULL DEFAULT '',
    "year" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Book" ("blurb", "createdAt", "id", "language", "slug", "subtitle", "title", "updatedAt") SELECT "blurb", "createdAt", "id", "language", "slug", "subtitle", "title", "updatedAt" FROM "Book";
DROP TABLE "Book";
ALTER TABLE "new_Book" RENAME TO "Book";
CREATE UNIQUE INDEX "Book_slug_key" ON "Book"("slug");
CREATE TABLE "new_ChapterOrganisation" (
    "chapterId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("chapterId", "organisationId"),
    CONSTRAINT "ChapterOrganisation_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChapterOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ChapterOrganisation" ("chapterId", "organisationId") SELECT "chapterId", "organisationId" FROM "ChapterOrganisation";
DROP TABLE "ChapterOrganisation";
ALTER TABLE "new_ChapterOrganisation" RENAME TO "ChapterOrganisation";
CREATE INDEX "ChapterOrganisation_organisationId_idx" ON "ChapterOrganisation"("organisationId");
CREATE TABLE "new_ChapterAuthor" (
    "chapterId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("chapterId", "userId"),
    CONSTRAINT "ChapterAuthor_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChapterAuthor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ChapterAuthor" ("chapterId", "userId") SELECT "chapterId", "userId" FROM "ChapterAuthor";
DROP TABLE "ChapterAuthor";
ALTER TABLE "new_ChapterAuthor" RENAME TO "ChapterAuthor";
CREATE INDEX "ChapterAuthor_userId_idx" ON "ChapterAuthor"("userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

