// Tells work, mobile, home and fax numbers apart by the labels written next to them, in English
// and Polish ("tel.", "kom.", "faks", "tel. kom.").

export type PhoneKind = 'work' | 'mobile' | 'home' | 'fax';

const FAX = /(?:^|[^\p{L}])(?:fax|faks|telefax|telefaks|facsimile|fx|f)(?:[^\p{L}]|$)/iu;
const MOBILE = /(?:^|[^\p{L}])(?:mobile|mob|mobil|mobilny|cell|cel|cellular|wireless|handy|gsm|kom|komórka|komorka|komórkowy|m|c|iphone)(?:[^\p{L}]|$)/iu;
const HOME = /(?:^|[^\p{L}])(?:home|dom|domowy|h|private|prywatny)(?:[^\p{L}]|$)/iu;
const WORK = /(?:^|[^\p{L}])(?:tel|telephone|phone|ph|p|t|office|work|direct|dir|main|voice|biuro|telefon|stacjonarny|o|w|d|switchboard|centrala)(?:[^\p{L}]|$)/iu;

/** The kind a label names, or undefined when the text holds no phone label. */
export function phoneKindOfLabel(label: string): PhoneKind | undefined {
  const t = label.trim();
  if (!t) return undefined;
  // Most specific first: "tel. kom." is a mobile, "tel./faks" a fax line shared with the phone.
  if (MOBILE.test(t)) return 'mobile';
  if (FAX.test(t)) return 'fax';
  if (HOME.test(t)) return 'home';
  if (WORK.test(t)) return 'work';
  return undefined;
}
