// Free-mail and consumer ISP domains: never a company's own domain, so never a company name.
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me',
  'protonmail.com', 'pm.me', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'zoho.com',
  'yandex.com', 'yandex.ru', 'mail.ru', 'tutanota.com', 'tuta.io', 'fastmail.com', 'hey.com',
  'seznam.cz', 'free.fr', 'orange.fr', 'laposte.net', 'libero.it', 't-online.de', 'qq.com', '163.com',
  // Consumer ISPs and more webmail (issue #3: never a company name)
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'earthlink.net', 'cox.net', 'charter.net',
  'btinternet.com', 'sky.com', 'virgilio.it', 'naver.com', '126.com', 'yahoo.fr', 'yahoo.de', 'hotmail.fr', 'live.co.uk', 'outlook.de',
  // Poland
  'wp.pl', 'onet.pl', 'onet.eu', 'op.pl', 'interia.pl', 'interia.eu', 'poczta.fm', 'o2.pl', 'tlen.pl',
  'gazeta.pl', 'vp.pl', 'autograf.pl', 'buziaczek.pl', 'go2.pl', 'spoko.pl', 'poczta.onet.pl', 'int.pl',
]);

export function isFreeMailDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  return FREE_MAIL.has(d);
}

/** The domain of an email address, lower-cased, or undefined. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(at + 1).trim().toLowerCase() || undefined : undefined;
}
