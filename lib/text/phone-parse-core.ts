// The one libphonenumber-js function the background uses, as its own module so the chunk that
// phone-library-deferred.ts loads carries only what parsing needs (issue #15).
export { parsePhoneNumberFromString } from 'libphonenumber-js/core';
