import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPIC_PATTERN, defaultTopic, pageSubject } from './default-topic';

describe('defaultTopic (issue #13)', () => {
  it('is the company and what the page is about, never the person repeated', () => {
    const topic = defaultTopic(DEFAULT_TOPIC_PATTERN, { company: 'Baltic Cargo', name: 'Anna Kowalska', pageTitle: 'Speakers | Nordic Freight Summit' });
    expect(topic).toBe('Baltic Cargo – Nordic Freight Summit');
    expect(topic).not.toContain('Anna');
  });

  it('drops the company, the person and the platform from the page title', () => {
    expect(pageSubject('Our team | Contoso Logistics', ['Contoso Logistics'])).toBe('Our team');
    expect(pageSubject('Anna Kowalska – Head of Logistics – Baltic Cargo | LinkedIn', ['Baltic Cargo', 'Anna Kowalska'])).toBe('Head of Logistics');
    expect(defaultTopic(DEFAULT_TOPIC_PATTERN, { company: 'Contoso Logistics', pageTitle: 'Contoso Logistics' })).toBe('Contoso Logistics');
  });

  it('leaves out empty parts with their separator and falls back to the site', () => {
    expect(defaultTopic(DEFAULT_TOPIC_PATTERN, { pageTitle: 'Nordic Freight Summit' })).toBe('Nordic Freight Summit');
    expect(defaultTopic(DEFAULT_TOPIC_PATTERN, { name: 'Jan Nowak', url: 'https://www.nordwind.example/kontakt' })).toBe('nordwind.example');
  });

  it('follows the rep\'s pattern', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    expect(defaultTopic('{page}: {company} ({date})', { company: 'Acme', pageTitle: 'Targi Poznań', now })).toBe('Targi Poznań: Acme (2026-12-03)');
    expect(defaultTopic('{title} at {company}', { company: 'Acme', jobtitle: 'CTO' })).toBe('CTO at Acme');
  });
});
