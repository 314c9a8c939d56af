import { Button, Field, Text, Textarea, mergeClasses } from '@fluentui/react-components';
import { DEFAULT_HINDSIGHT_PROMPTS, HINDSIGHT_PROMPTS_MAX } from '../../../../core/model/review-settings';
import type { SettingsDraft, SettingsErrors } from '../hooks/useAnalysisSettings';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useSettingsStyles } from '../styles/useSettingsStyles';

type Update = (change: (draft: SettingsDraft) => SettingsDraft) => void;

/** The prompts against hindsight and outcome bias, in the partnership's own words. */
export function PromptSettings({
  draft,
  update,
  errors,
}: {
  draft: SettingsDraft;
  update: Update;
  errors: SettingsErrors;
}) {
  const styles = useSettingsStyles();
  const list = useListStyles();
  const setPrompts = (change: (prompts: string[]) => string[]) =>
    update((d) => ({ ...d, prompts: change(d.prompts) }));
  return (
    <>
      <Text as="p" className={styles.muted}>
        Shown beside every episode&apos;s appraisal and explanation, so that practice is judged as it looked
        at the time.
      </Text>
      <ol className={mergeClasses(list.plain, list.plainClose)}>
        {draft.prompts.map((prompt, i) => (
          <li key={i} className={styles.row}>
            <Field label={`Prompt ${i + 1}`} validationMessage={errors.prompts[i]} className={styles.grow}>
              <Textarea
                value={prompt}
                rows={2}
                resize="vertical"
                onChange={(_, data) => setPrompts((p) => p.map((x, j) => (j === i ? data.value : x)))}
              />
            </Field>
            <Button
              aria-label={`Remove prompt ${i + 1}`}
              onClick={() => setPrompts((p) => p.filter((_, j) => j !== i))}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      {errors.promptsAll ? (
        <Text role="alert" className={styles.error}>
          {errors.promptsAll}
        </Text>
      ) : null}
      <div className={styles.actions}>
        <Button
          disabled={draft.prompts.length >= HINDSIGHT_PROMPTS_MAX}
          onClick={() => setPrompts((p) => [...p, ''])}
        >
          Add a prompt
        </Button>
        <Button onClick={() => setPrompts(() => [...DEFAULT_HINDSIGHT_PROMPTS])}>
          Use the product&apos;s wording
        </Button>
      </div>
    </>
  );
}
