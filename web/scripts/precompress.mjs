// Writes X.gz beside each compressible file X of the built console (scripts/build-web.sh), so
// that `hearth serve` can send gzip to browsers that take it without compressing per request
// (adapters/http/static_site.hpp). Node's own zlib; level 9, once per build.
//   node scripts/precompress.mjs DIR
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
const MIN_BYTES = 1024;

function walk(dir) {
  let files = 0;
  let before = 0;
  let after = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) {
      const sub = walk(path);
      files += sub.files;
      before += sub.before;
      after += sub.after;
    } else if (COMPRESSIBLE.test(name) && st.size >= MIN_BYTES) {
      const gz = gzipSync(readFileSync(path), { level: 9 });
      if (gz.length < st.size) {
        writeFileSync(`${path}.gz`, gz);
        files++;
        before += st.size;
        after += gz.length;
      }
    }
  }
  return { files, before, after };
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/precompress.mjs DIR');
  process.exit(2);
}
const { files, before, after } = walk(dir);
console.log(`precompress: ${files} files, ${(before / 1024).toFixed(0)} KiB -> ${(after / 1024).toFixed(0)} KiB gzip`);
