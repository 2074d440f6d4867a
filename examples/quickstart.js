'use strict';
// A tour of what Bulwark does today, run by `npm start`. (The hardened Express demo app
// arrives with the Express middleware; see the README.)
const bulwark = require('bulwark');

async function main() {
  console.log(`bulwark backend: ${bulwark.backend}\n`);

  const comment = '<img src=x onerror="alert(1)">';
  console.log('escapeHtml:', bulwark.escapeHtml(comment));

  const token = 'c0ffee-7a11-5eed';
  console.log('timingSafeEqual(right token):', bulwark.timingSafeEqual(token, 'c0ffee-7a11-5eed'));
  console.log('timingSafeEqual(shorter token):', bulwark.timingSafeEqual(token, 'c0ffee'), '(false, no throw)');

  const hash = await bulwark.hashPassword('correct horse battery staple');
  console.log('\nhashPassword:', hash);
  console.log('verifyPassword(right):', await bulwark.verifyPassword(hash, 'correct horse battery staple'));
  console.log('verifyPassword(wrong):', await bulwark.verifyPassword(hash, 'Tr0ub4dor&3'));
  console.log('needsRehash at m=65536:', bulwark.needsRehash(hash, { memoryCost: 65536 }));

  const planted = '$argon2id$v=19$m=4294967295,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE';
  try {
    await bulwark.verifyPassword(planted, 'anything');
  } catch (err) {
    console.log(`\na stored hash asking for 4 TiB of memory is refused before hashing: ${err.code}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
