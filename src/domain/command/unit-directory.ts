// Finds a unit by whatever a person calls it: 附件3 name, with or without 区, key, or a domain.
import { closestMatch } from "./closest-match.ts";

export interface UnitName {
  key: string;
  name: string;
  domains: readonly string[];
}

const withoutDistrict = (s: string) => (s.startsWith("区") && s.length > 2 ? s.slice(1) : s);
const bareDomain = (s: string) => s.toLowerCase().replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/\/.*$/, "");

export class UnitDirectory {
  private readonly byWord = new Map<string, UnitName>();

  constructor(readonly units: readonly UnitName[]) {
    for (const u of units) {
      this.byWord.set(u.key.toLowerCase(), u);
      this.byWord.set(u.name, u);
      this.byWord.set(withoutDistrict(u.name), u);
      for (const d of u.domains) this.byWord.set(bareDomain(d), u);
    }
  }

  find(word: string): UnitName | undefined {
    return this.byWord.get(word) ?? this.byWord.get(withoutDistrict(word)) ?? this.byWord.get(bareDomain(word));
  }

  /** The unit name closest to what was typed, if any is close. */
  suggest(word: string): string | undefined {
    const names = this.units.map((u) => u.name);
    const name = closestMatch(withoutDistrict(word), names.map(withoutDistrict));
    return name && this.find(name)?.name;
  }
}
