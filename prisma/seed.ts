// `npm start` runs this after the migrations: it loads the demo data into an empty database
// and leaves a database with content alone, so a restart never duplicates or wipes anything.
import { db, disconnectDb } from "#app/utils/db.server.ts";
import { ConfigError } from "#app/utils/env.server.ts";
import { isDatabaseEmpty, loadDemoData } from "./demo-data.ts";
import { freezeDemoEdition, putDemoBookOnSale } from "./demo-edition.ts";

try {
  if (await isDatabaseEmpty(db)) {
    const started = performance.now();
    await loadDemoData(db);
    await putDemoBookOnSale(db);
    const edition = await freezeDemoEdition(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Demo data loaded in ${seconds} s: the book 'Zo bestuur je een slimme stad' (edition ${edition.number} with EPUB and PDF, on sale), ten partners and the demo accounts.`);
  } else {
    console.log("The database already has content; no demo data loaded.");
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
