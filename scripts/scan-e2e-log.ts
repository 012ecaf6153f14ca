// After the e2e run: no person's name or NHS number may appear in any URL or server log line.
// Reads the run's database (every person, including those the tests created) and its server log.
import { Database } from '../db/sqlite';
import { existsSync, readFileSync } from 'node:fs';

const database = readFileSync('e2e/.run/database', 'utf8').trim();
const logPath = 'e2e/.run/server.log';
if (!existsSync(database) || !existsSync(logPath)) {
  console.error('carenav: no e2e run to scan (e2e/.run is missing).');
  process.exit(1);
}
const db = new Database(database, { readonly: true });
const people = db.prepare('select given_name as given, family_name as family, nhs_number as nhs from patients').all() as {
  given: string;
  family: string;
  nhs: string;
}[];
const carers = db.prepare("select name from users where role = 'carer'").pluck().all() as string[];
db.close();

const needles = new Set<string>();
for (const p of people) {
  needles.add(p.nhs);
  needles.add(`${p.nhs.slice(0, 3)} ${p.nhs.slice(3, 6)} ${p.nhs.slice(6)}`);
  needles.add(`${p.given} ${p.family}`);
  needles.add(`${p.given}%20${p.family}`);
  needles.add(`${p.given}+${p.family}`);
  if (p.family.length >= 4) needles.add(p.family);
}
for (const name of carers) needles.add(name);

const lines = readFileSync(logPath, 'utf8').split('\n');
const requests = lines.filter((l) => l.includes('"msg":"request"')).length;
const found: string[] = [];
for (const [n, line] of lines.entries()) {
  for (const needle of needles) if (line.includes(needle)) found.push(`line ${n + 1}: “${needle}” in ${line.slice(0, 200)}`);
}
if (requests < 100) {
  console.error(`carenav: the server log has only ${requests} request lines: request logging is not working, so the scan proves nothing.`);
  process.exit(1);
}
if (found.length > 0) {
  console.error(`carenav: names or NHS numbers reached the server log or a URL:\n${found.slice(0, 20).join('\n')}`);
  process.exit(1);
}
console.log(
  `Scanned ${lines.length} server log lines (${requests} request URLs) for ${people.length} people’s names and NHS numbers and ${carers.length} carers’ names: none found.`,
);
