// The retention setting: how long after fieldwork an inspection is kept before the app asks to delete it.
import {
  checkRetentionMonths,
  DEFAULT_RETENTION_MONTHS,
  MAXIMUM_RETENTION_MONTHS,
  saveRetentionMonths,
  useRetentionMonths,
} from '../../db';
import { NumberSetting } from '../../ui/NumberSetting';

export function RetentionSetting() {
  return (
    <NumberSetting
      id="retention-setting-heading"
      title="Keeping inspections"
      intro={
        <p className="hint">
          Each inspection is kept until this many months after its fieldwork began. After that the inspections
          list reminds you, and deletes it for good only when you confirm.
        </p>
      }
      label="Keep inspections for this many months after fieldwork"
      hint={`From 1 to ${MAXIMUM_RETENTION_MONTHS}; ${DEFAULT_RETENTION_MONTHS} unless you change it.`}
      max={MAXIMUM_RETENTION_MONTHS}
      stored={useRetentionMonths() ?? DEFAULT_RETENTION_MONTHS}
      button="Save retention"
      save={async (typed) => {
        const checked = checkRetentionMonths(typed);
        if ('problem' in checked) return { kind: 'error', text: checked.problem };
        await saveRetentionMonths(checked.months);
        return {
          kind: 'info',
          text: `Inspections are now kept ${checked.months} month${checked.months === 1 ? '' : 's'} after fieldwork.`,
        };
      }}
    />
  );
}
