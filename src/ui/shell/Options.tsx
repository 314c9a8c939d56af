/**
 * The `<option>`s of a native Select: one per entry of a labels record (the key is the value, the
 * label is shown), or one per name of a list (shown and chosen as it is). The Select's own first
 * option ("Choose a type", "Any agency") stays with the Select.
 */
export function Options({ of }: { of: Readonly<Record<string, string>> | readonly string[] }) {
  const entries: [string, string][] = isNames(of) ? of.map((name) => [name, name]) : Object.entries(of);
  return (
    <>
      {entries.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

const isNames = (of: Readonly<Record<string, string>> | readonly string[]): of is readonly string[] =>
  Array.isArray(of);
