import { fileURLToPath } from 'node:url';
import { LIMIT_BYTES, measureFirstPage } from './bundle-size.mjs';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const size = measureFirstPage(distDir);
console.log(`entry ${size.entry} and its static imports: ${kb(size.entryBytes)} gzipped`);
if (size.heaviestPage) {
  console.log(`with the heaviest page ${size.heaviestPage}: ${kb(size.heaviestBytes)} gzipped`);
}
for (const later of size.deferred) {
  console.log(`loaded after ${later.page} has rendered: ${later.chunk}, ${kb(later.bytes)} gzipped more`);
}
if (size.heaviestBytes > LIMIT_BYTES) {
  console.error(`first page JS is ${kb(size.heaviestBytes)} gzipped, above the ${kb(LIMIT_BYTES)} budget`);
  process.exit(1);
}
console.log(`within the ${kb(LIMIT_BYTES)} budget`);
