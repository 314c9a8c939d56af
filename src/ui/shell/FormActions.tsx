import { Button } from '@fluentui/react-components';

/**
 * An editor's submit and cancel: saving is pessimistic, so the submit button says "Saving…" and
 * neither can be pressed until Microsoft 365 has answered.
 */
export function FormActions({
  submitLabel,
  saving,
  onCancel,
  className,
}: {
  submitLabel: string;
  saving: boolean;
  onCancel: () => void;
  className?: string;
}) {
  return (
    <div className={className}>
      <Button appearance="primary" type="submit" disabled={saving}>
        {saving ? 'Saving…' : submitLabel}
      </Button>
      <Button onClick={onCancel} disabled={saving}>
        Cancel
      </Button>
    </div>
  );
}
