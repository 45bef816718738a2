// Job-title words (English and Polish), to tell "Jane Doe / Sales Director" from any two lines.
// Single words looked up in a Set (fast on long pages); the few patterns need a regex.
const TITLE_WORDS = new Set(`account accountant administrator adviser advisor adwokat agent ambassador analyst architect architekt assistant associate asystent asystentka attorney auditor avp barrister board bookkeeper broker buyer captain carpenter ceo cfo chef chief cio clerk cmo coach commissioner comptroller consultant controller coo coordinator counsel counsellor counselor cpa cpo cso cto curator członek dean dentist designer developer director doctor doradca dyrektor dyrektorka editor electrician engineer estimator evp executive fellow foreman founder governor handlowiec head headmaster headteacher hygienist inspector instructor intern inżynier kierowniczka kierownik konsultant konsultantka koordynator koordynatorka księgowa księgowy lawyer lead leader lecturer lekarz librarian manager marketing mayor member menadżer menedżer minister notariusz nurse officer opiekun opiekunka optometrist owner paralegal partner pastor pełnomocnik pharmacist photographer physician planner plumber president prezes priest principal producer professor projektant projektantka provost przedstawiciel przedstawicielka psychologist purchaser rabbi radca realtor receptionist redaktor registrar rep representative researcher reverend sales scientist secretary sekretarz senator solicitor specialist specjalista specjalistka staff strategist superintendent supervisor surgeon surveyor svp teacher team technician therapist trainer treasurer trustee tutor underwriter veterinarian vp wiceprezes wlasciciel writer właściciel właścicielka zarządu`.split(' '));
const TITLE_PATTERNS = /\b(vice[- ]president|chair(?:man|woman|person)?|co-?owner|co-?founder|co-ordinator|key account)\b/i;
const SENTENCE = /[.!?]\s+\p{Lu}|\b(we|our|you|your|is|are|was|were|has|have|will|can|please|click|more|call|contact us|read|view|the best|my)\b/iu;

/** True for a short line that names a role ("Senior Sales Manager", "Prezes Zarządu"). */
export function isJobTitle(s: string): boolean {
  const t = s.trim().replace(/[:,]$/, '');
  if (t.length < 2 || t.length > 80) return false;
  if (/@|https?:|www\.|\d{3}/.test(t)) return false;
  if (SENTENCE.test(t) && t.split(/\s+/).length > 5) return false;
  if (t.split(/\s+/).length > 9) return false;
  const words = t.toLowerCase().split(/[^\p{L}]+/u);
  return words.some((w) => TITLE_WORDS.has(w)) || TITLE_PATTERNS.test(t);
}
