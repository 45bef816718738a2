// Everyone on the page (issue #13): the people a capture found, what is known about each (saved
// here already, in the CRM, a likely duplicate), which the rep ticked, and what one Save did with
// each. Saving goes through the same pipeline as one lead: `leads/save-batch` applies the privacy
// rules per person and stops at duplicates; people the form would refuse are never sent.
import { batch, computed, signal } from '@preact/signals';
import { validateForm } from '../leads/validate-form';
import type { LeadDraft, Provenance } from '../leads/schema';
import type { Prefill } from '../capture/to-prefill';

export interface Person {
  label: string;
  prefill: Prefill;
}

/** What is known before saving: the same e-mail saved here, a likely duplicate, in the CRM. */
export interface PersonStatus {
  saved?: { id: string; name: string };
  duplicate?: { id: string; name: string };
  inCrm?: { name: string; url: string };
}

export type PersonResult =
  | { status: 'saved'; id: string }
  | { status: 'skipped'; reason: 'invalid'; fields: string[] }
  | { status: 'skipped'; reason: 'duplicate'; of: string }
  | { status: 'skipped'; reason: 'refused'; message: string };

interface DuplicateMatch { lead: { id: string; firstname?: string; lastname: string }; rules: string[] }
interface CrmMatch { name: string; url: string }

/** The background calls the list needs; injected so the model is tested without a browser. */
export interface PeopleBackend {
  assess(draft: LeadDraft): Promise<DuplicateMatch[]>;
  lookupCrm(draft: LeadDraft): Promise<CrmMatch[]>;
  saveBatch(drafts: LeadDraft[]): Promise<({ status: 'saved'; id: string } | { status: 'duplicates'; matches: { id: string }[] } | { status: 'invalid'; error: string })[]>;
}

const nameOf = (l: { firstname?: string; lastname: string }) => [l.firstname, l.lastname].filter(Boolean).join(' ');

export function createPeopleModel(people: Person[], provenance: () => Provenance | undefined, backend: PeopleBackend) {
  const statuses = signal<PersonStatus[]>(people.map(() => ({})));
  const selected = signal<boolean[]>(people.map(() => true));
  const results = signal<(PersonResult | undefined)[]>(people.map(() => undefined));
  const saving = signal(false);
  const selectedCount = computed(() => selected.value.filter(Boolean).length);

  /** The lead one person would become, or the fields the form would refuse. */
  function draftOf(p: Person): { ok: true; draft: LeadDraft } | { ok: false; fields: string[] } {
    const base = provenance();
    const r = validateForm(p.prefill.values, {
      timeline: [], stakeholders: [], qualify: {},
      provenance: base && { ...base, fields: p.prefill.provenance },
    });
    return r.ok ? r : { ok: false, fields: Object.keys(r.errors) };
  }

  /** Marks each person: saved here already (same e-mail), a likely duplicate, in the CRM. Ticks
   * off the ones already saved. CRM answers come only when an org is connected. */
  async function assess(): Promise<void> {
    const found = await Promise.all(people.map(async (p): Promise<PersonStatus> => {
      const d = draftOf(p);
      if (!d.ok) return {};
      const [matches, crm] = await Promise.all([
        backend.assess(d.draft).catch(() => []),
        backend.lookupCrm(d.draft).catch(() => []),
      ]);
      const same = matches.find((m) => m.rules.includes('email'));
      const likely = matches.find((m) => m !== same);
      return {
        saved: same && { id: same.lead.id, name: nameOf(same.lead) },
        duplicate: !same && likely ? { id: likely.lead.id, name: nameOf(likely.lead) } : undefined,
        inCrm: crm[0] && { name: crm[0].name, url: crm[0].url },
      };
    }));
    batch(() => {
      statuses.value = found;
      selected.value = selected.value.map((on, i) => on && !found[i]!.saved && !found[i]!.duplicate);
    });
  }

  function toggle(index: number, on: boolean) {
    selected.value = selected.value.map((v, i) => (i === index ? on : v));
  }

  function toggleAll(on: boolean) {
    selected.value = people.map(() => on);
  }

  /** Saves every ticked person in one batch; each gets a result saying saved or skipped and why. */
  async function saveSelected(): Promise<PersonResult[]> {
    const chosen = people.flatMap((p, i) => (selected.value[i] ? [i] : []));
    saving.value = true;
    try {
      const next = [...results.value];
      const drafts: { index: number; draft: LeadDraft }[] = [];
      for (const i of chosen) {
        const d = draftOf(people[i]!);
        if (d.ok) drafts.push({ index: i, draft: d.draft });
        else next[i] = { status: 'skipped', reason: 'invalid', fields: d.fields };
      }
      const outcomes = drafts.length ? await backend.saveBatch(drafts.map((d) => d.draft)) : [];
      const names = new Map(statuses.value.flatMap((s) => [s.saved, s.duplicate]).filter((x) => !!x).map((x) => [x.id, x.name]));
      outcomes.forEach((o, n) => {
        const i = drafts[n]!.index;
        next[i] = o.status === 'saved' ? { status: 'saved', id: o.id }
          : o.status === 'duplicates' ? { status: 'skipped', reason: 'duplicate', of: names.get(o.matches[0]?.id ?? '') ?? '' }
          : { status: 'skipped', reason: 'refused', message: o.error };
      });
      batch(() => {
        results.value = next;
        // Saved people are done: untick them, so a second Save does not offer them again.
        selected.value = selected.value.map((on, i) => on && next[i]?.status !== 'saved');
      });
      return chosen.map((i) => next[i]!);
    } finally {
      saving.value = false;
    }
  }

  return { people, statuses, selected, selectedCount, results, saving, assess, toggle, toggleAll, saveSelected };
}

export type PeopleModel = ReturnType<typeof createPeopleModel>;
