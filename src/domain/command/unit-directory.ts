// Finds a unit by whatever a person calls it: 附件3 name, with or without 区 or 金坛区, its key,
// any of its domains (with or without www.), or a part of its name that only it has.
import { closestMatch } from "./closest-match.ts";

export interface UnitName {
  key: string;
  name: string;
  domains: readonly string[];
}

/** Ways of writing the district before a unit's name: 区档案局, 金坛区档案局, 常州市金坛区档案局. */
const DISTRICT_PREFIXES = ["常州市金坛区", "金坛区", "金坛", "区"];

function withoutDistrict(s: string): string {
  for (const prefix of DISTRICT_PREFIXES) {
    if (s.startsWith(prefix) && s.length > prefix.length + 1) return s.slice(prefix.length);
  }
  return s;
}

/** "https://www.jtda.gov.cn/index.html" → "jtda.gov.cn" */
export function bareDomain(s: string): string {
  return s.toLowerCase().replace(/^https?:\/\//, "").replace(/[/?#].*$/, "").replace(/:\d+$/, "").replace(/\.$/, "").replace(/^www\./, "");
}

const directories = new WeakMap<readonly UnitName[], UnitDirectory>();

/**
 * The directory of these unit names, made once per list: the store's reader keeps one frozen
 * list until a unit or domain changes, so every command in between shares one directory.
 */
export function unitDirectoryOf(units: readonly UnitName[]): UnitDirectory {
  let directory = directories.get(units);
  if (!directory) directories.set(units, (directory = new UnitDirectory(units)));
  return directory;
}

export class UnitDirectory {
  private readonly byWord = new Map<string, UnitName>();
  private readonly shortNames: { short: string; unit: UnitName }[];

  constructor(readonly units: readonly UnitName[]) {
    for (const u of units) {
      this.byWord.set(u.key.toLowerCase(), u);
      this.byWord.set(u.name, u);
      this.byWord.set(withoutDistrict(u.name), u);
      for (const d of u.domains) this.byWord.set(bareDomain(d), u);
    }
    this.shortNames = units.map((unit) => ({ short: withoutDistrict(unit.name), unit }));
  }

  find(word: string): UnitName | undefined {
    const exact = this.byWord.get(word) ?? this.byWord.get(withoutDistrict(word)) ?? this.byWord.get(bareDomain(word));
    return exact ?? this.findByPart(withoutDistrict(word));
  }

  /**
   * A part of a name only one unit has (「公积金」→ 公积金中心), or a longer text holding exactly one
   * unit's name (「金坛区档案局网站」→ 档案局). NOTE: two characters at least, and never ASCII:
   * 「jt」 is in every key, and a typo of a keyword must not become a unit.
   */
  private findByPart(word: string): UnitName | undefined {
    if ([...word].length < 2 || /^[\x00-\x7f]*$/.test(word)) return undefined;
    const inName = this.shortNames.filter((n) => n.short.includes(word) || n.unit.name.includes(word));
    if (inName.length === 1) return inName[0]!.unit;
    if (inName.length > 1) return undefined;
    const holding = this.shortNames.filter((n) => [...n.short].length >= 2 && word.includes(n.short));
    if (holding.length === 0) return undefined;
    // 「区市场监管局」 holds 市场监管局; a longer name held wins over a shorter one inside it.
    const longest = Math.max(...holding.map((n) => n.short.length));
    const best = holding.filter((n) => n.short.length === longest);
    return best.length === 1 ? best[0]!.unit : undefined;
  }

  /** Units whose name holds the word, when more than one does: 「镇」 → the five towns. */
  ambiguous(word: string): UnitName[] {
    const w = withoutDistrict(word);
    if ([...w].length < 1 || /^[\x00-\x7f]*$/.test(w)) return [];
    const found = this.shortNames.filter((n) => n.short.includes(w)).map((n) => n.unit);
    return found.length > 1 ? found : [];
  }

  /** The unit name closest to what was typed, if any is close. */
  suggest(word: string): string | undefined {
    const names = this.units.map((u) => u.name);
    const name = closestMatch(withoutDistrict(word), names.map(withoutDistrict));
    return name && this.find(name)?.name;
  }
}
