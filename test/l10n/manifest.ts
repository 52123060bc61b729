/**
 * The manifest's user-facing strings, moved out of package.json into package.nls.json as VS Code
 * localizes a manifest (https://code.visualstudio.com/api/references/extension-manifest, "%key%"
 * values resolved from package.nls.<language>.json). `manifestStrings()` lists every place that
 * holds one; `externalize()` turns the literal ones into keys and is what `npm run l10n` runs after
 * someone adds a command or setting with a plain title.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One user-facing string of package.json: where it is, the key it has (or gets), its value. */
export interface ManifestString {
  /** e.g. `contributes.commands[3].title` */
  where: string;
  key: string;
  value: string;
  /** Sets the value in the manifest (to `%key%`). */
  set(value: string): void;
}

const short = (id: string): string => id.replace(/^webex\./, '');
/** The `id` (or another string field) of a manifest entry. */
const field = (o: JsonObject, name: string): string => (typeof o[name] === 'string' ? o[name] : '');

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objects(value: Json | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** Every user-facing string the manifest holds, literal or `%key%`. */
export function manifestStrings(manifest: JsonObject): ManifestString[] {
  const found: ManifestString[] = [];
  const add = (owner: JsonObject, prop: string, key: string, where: string): void => {
    const value = owner[prop];
    if (typeof value === 'string') {
      found.push({ where, key, value, set: (v) => (owner[prop] = v) });
    }
  };
  add(manifest, 'displayName', 'displayName', 'displayName');
  add(manifest, 'description', 'description', 'description');
  const c = manifest.contributes;
  if (!isObject(c)) {
    return found;
  }
  for (const [place, list] of Object.entries(isObject(c.viewsContainers) ? c.viewsContainers : {})) {
    objects(list).forEach((v, i) => add(v, 'title', `viewsContainer.${field(v, 'id')}.title`, `contributes.viewsContainers.${place}[${i}].title`));
  }
  for (const [place, list] of Object.entries(isObject(c.views) ? c.views : {})) {
    objects(list).forEach((v, i) => {
      add(v, 'name', `view.${short(field(v, 'id'))}.name`, `contributes.views.${place}[${i}].name`);
      add(v, 'contextualTitle', `view.${short(field(v, 'id'))}.contextualTitle`, `contributes.views.${place}[${i}].contextualTitle`);
    });
  }
  objects(c.commands).forEach((cmd, i) => {
    const id = short(field(cmd, 'command'));
    add(cmd, 'title', `command.${id}.title`, `contributes.commands[${i}].title`);
    add(cmd, 'shortTitle', `command.${id}.shortTitle`, `contributes.commands[${i}].shortTitle`);
    add(cmd, 'category', 'command.category', `contributes.commands[${i}].category`);
  });
  objects(c.submenus).forEach((s, i) => add(s, 'label', `submenu.${short(field(s, 'id'))}.label`, `contributes.submenus[${i}].label`));
  const configs = Array.isArray(c.configuration) ? objects(c.configuration) : isObject(c.configuration) ? [c.configuration] : [];
  configs.forEach((conf, ci) => {
    add(conf, 'title', ci === 0 ? 'config.title' : `config.${ci}.title`, `contributes.configuration[${ci}].title`);
    for (const [name, prop] of Object.entries(isObject(conf.properties) ? conf.properties : {})) {
      if (!isObject(prop)) {
        continue;
      }
      const base = `config.${short(name)}`;
      for (const field of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) {
        add(prop, field, `${base}.${field}`, `${name}.${field}`);
      }
      for (const field of ['enumDescriptions', 'markdownEnumDescriptions']) {
        const list = prop[field];
        if (Array.isArray(list)) {
          list.forEach((item, i) => {
            if (typeof item === 'string') {
              found.push({ where: `${name}.${field}[${i}]`, key: `${base}.${field}.${i}`, value: item, set: (v) => (list[i] = v) });
            }
          });
        }
      }
    }
  });
  const welcomeCount = new Map<string, number>();
  objects(c.viewsWelcome).forEach((w, i) => {
    const view = short(field(w, 'view'));
    const n = welcomeCount.get(view) ?? 0;
    welcomeCount.set(view, n + 1);
    add(w, 'contents', `viewsWelcome.${view}.${n}`, `contributes.viewsWelcome[${i}].contents`);
  });
  objects(c.authentication).forEach((a, i) => add(a, 'label', `authentication.${field(a, 'id')}.label`, `contributes.authentication[${i}].label`));
  objects(c.walkthroughs).forEach((w, i) => {
    const id = short(field(w, 'id'));
    add(w, 'title', `walkthrough.${id}.title`, `contributes.walkthroughs[${i}].title`);
    add(w, 'description', `walkthrough.${id}.description`, `contributes.walkthroughs[${i}].description`);
    objects(w.steps).forEach((s, j) => {
      add(s, 'title', `walkthrough.${id}.${field(s, 'id')}.title`, `contributes.walkthroughs[${i}].steps[${j}].title`);
      add(s, 'description', `walkthrough.${id}.${field(s, 'id')}.description`, `contributes.walkthroughs[${i}].steps[${j}].description`);
      const media = s.media;
      if (isObject(media)) {
        add(media, 'altText', `walkthrough.${id}.${field(s, 'id')}.altText`, `contributes.walkthroughs[${i}].steps[${j}].media.altText`);
      }
    });
  });
  objects(c.languages).forEach((l, i) => {
    const aliases = l.aliases;
    if (Array.isArray(aliases) && typeof aliases[0] === 'string') {
      // Only the first alias is shown (the language's name in the status bar); the others are ids users type.
      found.push({ where: `contributes.languages[${i}].aliases[0]`, key: `language.${field(l, 'id')}.name`, value: aliases[0], set: (v) => (aliases[0] = v) });
    }
  });
  return found;
}

export const KEY_REFERENCE = /^%([\w.-]+)%$/;

/**
 * Moves every literal string into `nls` under its key (a key already there with another text is an
 * error: two places would share one translation) and writes `%key%` in its place.
 * Returns the keys it added.
 */
export function externalize(manifest: JsonObject, nls: Record<string, string>): string[] {
  const added: string[] = [];
  for (const s of manifestStrings(manifest)) {
    if (KEY_REFERENCE.test(s.value)) {
      continue;
    }
    const known = nls[s.key];
    if (known !== undefined && known !== s.value) {
      throw new Error(`${s.where}: the key ${s.key} already holds "${known}"`);
    }
    if (known === undefined) {
      nls[s.key] = s.value;
      added.push(s.key);
    }
    s.set(`%${s.key}%`);
  }
  return added;
}

/** A copy of `manifest` with every `%key%` replaced by its text in `nls`, as VS Code shows it. */
export function resolveManifest<T>(manifest: T, nls: Record<string, string>): T {
  const copy = JSON.parse(JSON.stringify(manifest)) as JsonObject;
  for (const s of manifestStrings(copy)) {
    const key = KEY_REFERENCE.exec(s.value)?.[1];
    if (key !== undefined && nls[key] !== undefined) {
      s.set(nls[key]);
    }
  }
  return copy as T;
}
