const { ensureNlp } = await import('./dist/document/nlp.js');
const n = await ensureNlp();
const s = "I've rebooked the delivery for Thursday; we can't pick a specific time slot, though.";
for (const p of ["[<offer>.+ @hasSemicolon] [<limit>.+ @hasComma] (though|mind|however)", ".+ @hasSemicolon", "@hasSemicolon", "[<offer>.+] @hasSemicolon"]) console.log(n(s).match(p).found, p);
console.log(JSON.stringify(n(s).terms().json().map(t=>t.text+'|'+t.post)));
