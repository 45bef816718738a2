import { describe, expect, it } from 'vitest';
import { readXml } from './safe-xml';

const events = (xml: string) => {
  const out: string[] = [];
  readXml(xml, { open: (n, a) => out.push(`<${n}${[...a].map(([k, v]) => ` ${k}=${v}`).join('')}>`), close: (n) => out.push(`</${n}>`), text: (t) => out.push(t) });
  return out;
};

describe('safe XML reader', () => {
  it('reads elements, attributes, predefined and numeric entities, CDATA', () => {
    expect(events(`<?xml version="1.0"?><a x="1 &amp; 2"><b/>&lt;&#x141;&#243;d&#378;&gt;<![CDATA[<raw>]]></a>`)).toEqual([
      '<a x=1 & 2>', '<b>', '</b>', '<Łódź>', '<raw>', '</a>',
    ]);
  });
  it('refuses any DOCTYPE, internal or external', () => {
    expect(() => events('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')).toThrow(expect.objectContaining({ code: 'xml_dtd' }));
    expect(() => events('<!DOCTYPE a SYSTEM "http://127.0.0.1/x.dtd"><a/>')).toThrow(expect.objectContaining({ code: 'xml_dtd' }));
  });
  it('refuses undeclared entities it does not know and malformed markup', () => {
    expect(() => events('<a>&e;</a>')).toThrow(expect.objectContaining({ code: 'xml_dtd' }));
    expect(() => events('<a>R&d</a>')).toThrow(expect.objectContaining({ code: 'xml_malformed' }));
    expect(() => events('<a><b></a>')).toThrow(expect.objectContaining({ code: 'xml_malformed' }));
    expect(() => events('<a>x</a><b/>')).toThrow(expect.objectContaining({ code: 'xml_malformed' }));
    expect(() => events('<a>' + '<b>'.repeat(300) + '</b>'.repeat(300) + '</a>')).toThrow(expect.objectContaining({ code: 'xml_malformed' }));
  });
  it('knows HTML named characters without any DTD (PhpSpreadsheet issue 2157)', () => {
    expect(events('<a>&Alpha;&omega;&nbsp;</a>')[1]).toBe('Αω\u00a0');
  });
});
