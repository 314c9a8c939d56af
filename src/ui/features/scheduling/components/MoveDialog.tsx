import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PlacedConversation } from '../../../../core/scheduling';
import type { Scheduler } from '../hooks/useScheduler';
import { at, clock, dayOf, formatDay, GRID_END, GRID_START, minutesOf, STEP, weeksOf } from '../hooks/week';

/** Moving one conversation to a day and time chosen from lists: the keyboard's and the list's way. */
export function MoveDialog({
  s,
  placed,
  open,
  onClose,
}: {
  s: Scheduler;
  placed: PlacedConversation;
  open: boolean;
  onClose: () => void;
}) {
  const plan = s.plan.data!;
  const length = (Date.parse(placed.end) - Date.parse(placed.start)) / 60_000;
  const days = weeksOf(plan.request.window)
    .flatMap((w) => w.days)
    .filter((d) => d >= dayOf(plan.request.window.start) && at(d, 0) < plan.request.window.end);
  const times: number[] = [];
  for (let m = GRID_START; m + length <= GRID_END; m += STEP) times.push(m);
  const [day, setDay] = useState(dayOf(placed.start));
  const [time, setTime] = useState(String(minutesOf(placed.start)));
  const [refusal, setRefusal] = useState<{ message: string; reasons: string[] } | null>(null);
  const who = s.describe(placed.conversationId);
  return (
    <Dialog open={open} onOpenChange={(_, d) => (d.open ? undefined : onClose())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Move the conversation with {who.practitioner}</DialogTitle>
          <DialogContent>
            <Field label="Day">
              <Select value={day} onChange={(_, d) => setDay(d.value)}>
                {days.map((d) => (
                  <option key={d} value={d}>
                    {formatDay(d)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Start">
              <Select value={time} onChange={(_, d) => setTime(d.value)}>
                {times.map((m) => (
                  <option key={m} value={m}>
                    {clock(m)}
                  </option>
                ))}
              </Select>
            </Field>
            {refusal ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{refusal.message}</MessageBarTitle>
                  {refusal.reasons.join(' ')}
                </MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => {
                const outcome = s.move(placed.conversationId, at(day, Number(time)));
                if (!outcome || outcome.ok) onClose();
                else setRefusal(outcome);
              }}
            >
              Move
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
