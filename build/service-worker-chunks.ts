// Issue #15: the background worker parses background.js at every wake-up, so what only sync,
// Exchange or a phone needs is loaded when it is needed. An extension service worker has no
// import(), so the background is built as CommonJS chunks (an `import()` in our code becomes
// `require()` of a chunk) and each chunk is wrapped to register itself; `require` loads a chunk
// with importScripts(). Chrome lets a worker importScripts() later only the scripts it imported
// while it was being installed (the Service Worker spec's script cache), so every chunk is
// imported once at `install`: that only registers the chunks, it runs none of their code.
import type { Plugin, Rollup } from 'vite';

type OutputChunk = Rollup.OutputChunk;
type OutputAsset = Rollup.OutputAsset;

/** The global a chunk calls to register itself; its `loaded()` lists the chunks run so far (for tests). */
export const REGISTER_CHUNK = '__leadclipChunk';

/** The worker's module loader, put in front of background.js; `chunks` load on demand. */
function loader(chunks: readonly string[]): string {
  return `(()=>{const factories=new Map(),modules=new Map();
globalThis.${REGISTER_CHUNK}=Object.assign((name,factory)=>{factories.set(name,factory)},{loaded:()=>[...modules.keys()]});
const resolve=(from,spec)=>new URL(spec,"https://chunk/"+from).pathname.slice(1);
const load=(name)=>{let m=modules.get(name);if(m)return m.exports;
if(!factories.has(name))importScripts("/"+name);
m={exports:{}};modules.set(name,m);
try{factories.get(name)(m,m.exports,(spec)=>load(resolve(name,spec)))}catch(e){modules.delete(name);throw e}return m.exports};
addEventListener("install",()=>{importScripts(...${JSON.stringify(chunks.map((c) => `/${c}`))})});
`;
}

/** Wrap a chunk's CommonJS code; the map moves down by the lines put in front. */
function wrap(chunk: OutputChunk, bundle: Record<string, OutputChunk | OutputAsset>, before: string, after: string): void {
  chunk.code = before + chunk.code + after;
  const map = bundle[`${chunk.fileName}.map`];
  const added = before.split('\n').length - 1;
  if (map?.type === 'asset' && typeof map.source === 'string') {
    const json = JSON.parse(map.source) as { mappings: string };
    json.mappings = ';'.repeat(added) + json.mappings;
    map.source = JSON.stringify(json);
  }
}

export function serviceWorkerChunks(): Plugin {
  return {
    name: 'leadclip:service-worker-chunks',
    apply: 'build',
    enforce: 'post',
    generateBundle(options, bundle) {
      if (options.format !== 'cjs') throw new Error('leadclip:service-worker-chunks needs the background built as CommonJS');
      const all = bundle as Record<string, OutputChunk | OutputAsset>;
      const chunks = Object.values(all).filter((c): c is OutputChunk => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry);
      if (!entry || chunks.filter((c) => c.isEntry).length > 1) throw new Error('leadclip:service-worker-chunks expects one entry');
      // What the entry imports statically runs at every wake-up anyway: it goes into background.js.
      const eager = new Set<OutputChunk>([entry]);
      for (const c of eager) for (const f of c.imports) if (all[f]?.type === 'chunk') eager.add(all[f] as OutputChunk);
      const lazy = chunks.filter((c) => !eager.has(c));
      const register = (c: OutputChunk) => `${REGISTER_CHUNK}(${JSON.stringify(c.fileName)},function(module,exports,require){\n`;
      for (const c of lazy) wrap(c, all, register(c), '\n});\n');
      const inlined = [...eager].filter((c) => c !== entry);
      const before = loader(lazy.map((c) => c.fileName)) + inlined.map((c) => `${register(c)}${c.code}\n});\n`).join('') + register(entry);
      wrap(entry, all, before, `\n});load(${JSON.stringify(entry.fileName)});})();\n`);
      for (const c of inlined) {
        delete all[c.fileName];
        delete all[`${c.fileName}.map`];
      }
    },
  };
}
