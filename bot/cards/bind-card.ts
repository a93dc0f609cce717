import { Template } from 'adaptivecards-templating';
import type { AdaptiveCardJson, JsonValue } from './card-views';

/**
 * A card template (JSON under bot/cards) bound with adaptivecards-templating.
 *
 * Rules the templates and their data keep:
 * - Expansion runs once, over the template only: a `${…}` inside a bound value is never evaluated, so
 *   user text stays data. Never feed a bound card back into a Template.
 * - A property whose binding is a lone `${x}` takes x's type (number, boolean, object); `null` there
 *   means "leave the property out" (removed after expansion, so `value` of an empty input or an
 *   optional `data` field is omitted, not sent as null).
 * - A missing key is not an error for the library: it prints `${x}` literally. Data objects are typed
 *   per template, and the tests check that no placeholder survives.
 * - Never put a null inside a longer string (`"a ${x}"`): the library throws on it.
 * - Optional parts use `$when` with a boolean; repeated parts use `$data` over an array (an empty
 *   array drops the element).
 */
export class CardTemplate<Data extends object> {
  // Parsing the expressions is the expensive part (~10 ms a card); expanding is cheap, so parse once.
  private readonly template: Template;

  constructor(json: object) {
    this.template = new Template(json);
  }

  bind(data: Data): AdaptiveCardJson {
    const card = withoutNulls(this.template.expand({ $root: data }) as JsonValue);
    if (!isCard(card)) throw new Error('Card template did not expand to an Adaptive Card 1.5');
    return card;
  }
}

function isCard(value: unknown): value is AdaptiveCardJson {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const card = value as Record<string, unknown>;
  return card.type === 'AdaptiveCard' && card.version === '1.5' && Array.isArray(card.body);
}

function withoutNulls(value: JsonValue): JsonValue | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    return value.map(withoutNulls).filter((v): v is JsonValue => v !== undefined);
  }
  if (typeof value === 'object') {
    const result: { [key: string]: JsonValue } = {};
    for (const [key, v] of Object.entries(value)) {
      const kept = withoutNulls(v);
      if (kept !== undefined) result[key] = kept;
    }
    return result;
  }
  return value;
}
