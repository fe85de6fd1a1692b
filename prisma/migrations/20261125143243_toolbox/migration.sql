-- CreateTable
CREATE TABLE "Tool" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "descriptionHtml" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL,
    "form" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'available',
    "published" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ToolPrinciple" (
    "toolId" TEXT NOT NULL,
    "principle" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,

    PRIMARY KEY ("toolId", "principle"),
    CONSTRAINT "ToolPrinciple_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ToolPilot" (
    "toolId" TEXT NOT NULL,
    "municipality" TEXT NOT NULL,

    PRIMARY KEY ("toolId", "municipality"),
    CONSTRAINT "ToolPilot_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ToolOwner" (
    "toolId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,

    PRIMARY KEY ("toolId", "organisationId"),
    CONSTRAINT "ToolOwner_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ToolOwner_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ToolLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "toolId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "ToolLink_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Tool_slug_key" ON "Tool"("slug");

-- CreateIndex
CREATE INDEX "Tool_published_category_form_idx" ON "Tool"("published", "category", "form");

-- CreateIndex
CREATE INDEX "ToolPrinciple_principle_idx" ON "ToolPrinciple"("principle");

-- CreateIndex
CREATE INDEX "ToolPilot_municipality_idx" ON "ToolPilot"("municipality");

-- CreateIndex
CREATE INDEX "ToolOwner_organisationId_idx" ON "ToolOwner"("organisationId");

-- CreateIndex
CREATE INDEX "ToolLink_toolId_position_idx" ON "ToolLink"("toolId", "position");

