// Free-mail domains never name a company (issue #3). Kept small for the injected bundle;
// lib/text/free-mail.ts holds the shared list for the rest of the extension.
const FREE_MAIL = new Set(`gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk live.com msn.com yahoo.com yahoo.co.uk ymail.com
icloud.com me.com mac.com aol.com gmx.com gmx.de gmx.net web.de mail.com protonmail.com proton.me pm.me zoho.com yandex.com yandex.ru
mail.ru fastmail.com tutanota.com hey.com wp.pl onet.pl onet.eu op.pl interia.pl interia.eu poczta.fm o2.pl tlen.pl gazeta.pl
vp.pl autograf.pl buziaczek.pl go2.pl spoko.pl int.pl poczta.onet.pl t-online.de orange.fr free.fr laposte.net libero.it virgilio.it
comcast.net verizon.net att.net sbcglobal.net bellsouth.net earthlink.net cox.net charter.net btinternet.com sky.com qq.com 163.com
126.com naver.com seznam.cz`.split(/\s+/));

export function isFreeMailDomain(domain: string): boolean {
  const d = domain.toLowerCase().replace(/^.*@/, '').trim();
  return FREE_MAIL.has(d);
}
