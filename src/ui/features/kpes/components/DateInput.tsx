import { Input } from '@fluentui/react-components';

/**
 * A date as the core writes it ('yyyy-mm-dd', or '' when blank). The browser's date box shows it
 * in the page's locale (en-GB: day, month, year). Same props as the shell's shared date field, so
 * either can stand here.
 */
export function DateInput({
  value,
  onChange,
  id,
}: {
  value: string;
  onChange: (value: string) => void;
  id?: string;
}) {
  return <Input id={id} type="date" value={value} onChange={(_, data) => onChange(data.value)} />;
}
