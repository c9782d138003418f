import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { readFileSync } from 'node:fs';
const [xsdPath, ...docs] = process.argv.slice(2);
const v = XsdValidator.fromDoc(XmlDocument.fromString(readFileSync(xsdPath,'utf8'), { url: xsdPath }));
console.log('schema ok', xsdPath);
for (const d of docs) {
  let doc;
  try { doc = XmlDocument.fromString(readFileSync(d,'utf8'), { url: d }); } catch (e) { console.log('MALFORMED', d, JSON.stringify(e.details?.slice(0,3) ?? e.message)); continue; }
  try { v.validate(doc); console.log('VALID', d); } catch (e) { console.log('INVALID', d, JSON.stringify(e.details?.map(x=>[x.line,x.message.trim()]) ?? e.message)); }
}
