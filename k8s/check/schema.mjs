// Validates every object of rendered multi-document YAML files against the Kubernetes API schemas shipped in the
// npm package kubernetes-models: field types, enums and required fields. Unknown (misspelled) fields pass here;
// conventions.py catches the ones that matter by requiring them.
import fs from 'fs';
import YAML from 'yaml';
let failures = 0, count = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    const obj = doc.toJS();
    if (!obj) continue;
    count++;
    const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : [null, obj.apiVersion];
    const mod = `kubernetes-models/${group ? group + '/' : ''}${version}/${obj.kind}`;
    try {
      const Cls = (await import(mod))[obj.kind];
      new Cls(obj).validate();
    } catch (e) {
      failures++;
      console.log(`${file}: ${obj.kind}/${obj.metadata.name}: ${e.message.slice(0, 600)}`);
    }
  }
}
console.log(`${count} objects, ${failures} invalid`);
process.exit(failures ? 1 : 0);
