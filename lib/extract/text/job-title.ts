// Job-title words (English and Polish), to tell "Jane Doe / Sales Director" from any two lines.
const TITLE_WORDS = /\b(ceo|cfo|coo|cto|cmo|cio|cso|cpo|vp|svp|evp|avp|president|vice[- ]president|chair(?:man|woman|person)?|director|manager|owner|co-?owner|founder|co-?founder|partner|principal|attorney|lawyer|counsel|solicitor|barrister|paralegal|associate|engineer|consultant|coordinator|co-ordinator|officer|head|secretary|treasurer|administrator|assistant|agent|broker|realtor|architect|designer|developer|specialist|representative|rep|advisor|adviser|analyst|supervisor|superintendent|pastor|minister|reverend|rabbi|priest|doctor|dentist|physician|surgeon|nurse|therapist|counselor|counsellor|psychologist|professor|lecturer|teacher|tutor|instructor|trainer|coach|editor|writer|accountant|bookkeeper|cpa|controller|comptroller|executive|chief|lead|leader|sales|marketing|estimator|carpenter|plumber|electrician|technician|receptionist|dean|librarian|curator|chef|pharmacist|optometrist|veterinarian|hygienist|auditor|underwriter|planner|strategist|producer|photographer|scientist|researcher|fellow|intern|clerk|buyer|purchaser|foreman|inspector|surveyor|registrar|provost|trustee|board|member|staff|team|headmaster|headteacher|principal|commissioner|mayor|governor|senator|ambassador|captain|prezes|wiceprezes|dyrektor|dyrektorka|kierownik|kierowniczka|właściciel|właścicielka|wlasciciel|specjalista|specjalistka|menedżer|menadżer|manager|księgowa|księgowy|handlowiec|przedstawiciel|przedstawicielka|zarządu|członek|asystent|asystentka|koordynator|koordynatorka|doradca|konsultant|konsultantka|inżynier|sekretarz|radca|adwokat|notariusz|architekt|projektant|projektantka|redaktor|lekarz|pełnomocnik|opiekun|opiekunka|key account|account)\b/i;
const SENTENCE = /[.!?]\s+\p{Lu}|\b(we|our|you|your|is|are|was|were|has|have|will|can|please|click|more|call|contact us|read|view|the best|my)\b/iu;

/** True for a short line that names a role ("Senior Sales Manager", "Prezes Zarządu"). */
export function isJobTitle(s: string): boolean {
  const t = s.trim().replace(/[:,]$/, '');
  if (t.length < 2 || t.length > 80) return false;
  if (/@|https?:|www\.|\d{3}/.test(t)) return false;
  if (SENTENCE.test(t) && t.split(/\s+/).length > 5) return false;
  if (t.split(/\s+/).length > 9) return false;
  return TITLE_WORDS.test(t);
}
