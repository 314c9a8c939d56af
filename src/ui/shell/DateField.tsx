/**
 * The product's one date input, en-GB whatever the browser's language: typed as day/month/year
 * ("03/03/2026", "3/3/26") or picked from a calendar that starts on Monday; the value is the core's
 * ISO date ("2026-03-03") or '' when empty. A native `<input type="date">` shows the browser's
 * order (mm/dd/yyyy in an en-US Chromium), which council staff misread.
 *
 * Fluent's DatePicker reads the surrounding `<Field>`'s label, hint and validation message, so a
 * form puts this inside a Field as it would an Input.
 */
import { DayOfWeek } from '@fluentui/react-calendar-compat';
import { DatePicker, defaultDatePickerStrings } from '@fluentui/react-datepicker-compat';
import type { DatePickerErrorType } from '@fluentui/react-datepicker-compat';

export interface DateFieldProps {
  /** ISO date (yyyy-mm-dd) or '' for none. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly id?: string;
  readonly name?: string;
  readonly disabled?: boolean;
  /** ISO dates bounding the calendar; a typed date outside them is refused with a message. */
  readonly min?: string;
  readonly max?: string;
  readonly placeholder?: string;
  readonly className?: string;
  readonly 'aria-describedby'?: string;
  /**
   * Told the plain-English problem with typed text (not a date, or outside min/max), or undefined
   * once the text is a good date again: the form shows it beside the field. The typed text that
   * is not a date is replaced by the last good value, so without this the user would not know why.
   */
  readonly onTextError?: (message: string | undefined) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO date → the local calendar day the picker shows (midday, so no zone shift moves the day). */
export function isoToDate(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  return date.getMonth() === Number(m[2]) - 1 ? date : undefined;
}

export function dateToIso(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "03/03/2026": the short en-GB form, the same one people type. */
export function formatGbDate(date?: Date): string {
  return date ? `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}` : '';
}

/**
 * Day first, as written in England: "3/3/2026", "03-03-26", "3.3.2026"; or ISO "2026-03-03".
 * A two-digit year is this century. Anything else (or a day that does not exist, such as
 * 31/02/2026) is null: the picker then keeps the text and reports no date.
 */
export function parseGbDate(text: string): Date | null {
  const trimmed = text.trim();
  const iso = isoToDate(trimmed);
  if (iso) return iso;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(trimmed);
  if (!m) return null;
  const [, d = '', mo = '', y = ''] = m;
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  const day = Number(d);
  const month = Number(mo);
  const date = new Date(year, month - 1, day, 12);
  return date.getDate() === day && date.getMonth() === month - 1 ? date : null;
}

const TEXT_ERRORS: Record<DatePickerErrorType, string | undefined> = {
  'invalid-input': 'Enter the date as day/month/year, for example 03/03/2026.',
  'out-of-bounds': 'That date is outside the dates allowed here.',
  // A required date left empty is the form's own check, with its own words.
  'required-input': undefined,
};

export function DateField(props: DateFieldProps) {
  const { value, onChange, min, max, placeholder, onTextError, ...rest } = props;
  return (
    <DatePicker
      {...rest}
      allowTextInput
      firstDayOfWeek={DayOfWeek.Monday}
      showMonthPickerAsOverlay
      strings={defaultDatePickerStrings}
      placeholder={placeholder ?? 'dd/mm/yyyy'}
      value={isoToDate(value) ?? null}
      minDate={min ? isoToDate(min) : undefined}
      maxDate={max ? isoToDate(max) : undefined}
      formatDate={formatGbDate}
      parseDateFromString={parseGbDate}
      onSelectDate={(date) => onChange(date ? dateToIso(date) : '')}
      onValidationResult={({ error }) => onTextError?.(error ? TEXT_ERRORS[error] : undefined)}
    />
  );
}
