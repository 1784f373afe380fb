// /shutdown text parsed against the 38 units of the seed, as the bot parses it.
import { parseCommand } from "../../src/domain/command/parse-command.ts";
import { UnitDirectory } from "../../src/domain/command/unit-directory.ts";
import { DomainError } from "../../src/domain/errors.ts";
import { readCampaignSeed } from "../../src/store/seed-repository.ts";

export const directory = new UnitDirectory(
  readCampaignSeed().units.map((u) => ({ key: u.key, name: u.name, domains: u.domains.map((d) => d.name) })),
);

export const parse = (text: string) => parseCommand(text, directory);

/** The refusal `text` gets; fails the test when it was understood. */
export function failure(text: string): DomainError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`"${text}" was understood`);
}
